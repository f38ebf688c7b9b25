/**
 * The prerequisite graph, laid out at build time with dagre (a well-kept
 * layered-graph layout), as plain data an Astro page turns into SVG. Edges
 * point from a prerequisite to what needs it, so reading left to right is the
 * order of learning. Connected components are laid out together; playbooks
 * with no prerequisite relation at all are listed apart, to keep the SVG
 * readable at 200 playbooks.
 */
import dagre from '@dagrejs/dagre';

export interface GraphInput {
  slug: string;
  title: string;
  href: string;
  status: string;
  openGaps: number;
  needs: string[];
}

export interface LaidOutGraph {
  width: number;
  height: number;
  nodes: { slug: string; title: string; label: string; href: string; status: string; openGaps: number; x: number; y: number; width: number; height: number }[];
  edges: { from: string; to: string; path: string }[];
  /** Playbooks with neither prerequisites nor dependents. */
  isolated: { slug: string; title: string; href: string }[];
}

const NODE_WIDTH = 190;
const NODE_HEIGHT = 40;

function label(title: string): string {
  return title.length > 28 ? `${title.slice(0, 27)}…` : title;
}

export function layoutGraph(playbooks: readonly GraphInput[]): LaidOutGraph {
  const known = new Set(playbooks.map((p) => p.slug));
  const connected = new Set<string>();
  for (const p of playbooks) for (const need of p.needs) if (known.has(need) && need !== p.slug) connected.add(need).add(p.slug);
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 70, marginx: 10, marginy: 10 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const p of playbooks) if (connected.has(p.slug)) graph.setNode(p.slug, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const p of playbooks) for (const need of p.needs) if (connected.has(need) && connected.has(p.slug) && need !== p.slug) graph.setEdge(need, p.slug);
  dagre.layout(graph);
  const bySlug = new Map(playbooks.map((p) => [p.slug, p]));
  const nodes = graph.nodes().map((slug) => {
    const box = graph.node(slug);
    const p = bySlug.get(slug)!;
    return { slug, title: p.title, label: label(p.title), href: p.href, status: p.status, openGaps: p.openGaps, x: box.x - NODE_WIDTH / 2, y: box.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
  });
  const edges = graph.edges().map((edge) => {
    const points = graph.edge(edge).points ?? [];
    const path = points.map((point: { x: number; y: number }, index: number) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
    return { from: edge.v, to: edge.w, path };
  });
  const size = graph.graph();
  // dagre reports -Infinity for a graph without nodes: an empty drawing is 0 by 0, never an invalid SVG size.
  const extent = (value: number | undefined) => (value !== undefined && Number.isFinite(value) && value > 0 ? Math.ceil(value) : 0);
  // In the order of learning: by column (rank), then top to bottom.
  nodes.sort((a, b) => a.x - b.x || a.y - b.y);
  return {
    width: nodes.length > 0 ? extent(size.width) : 0,
    height: nodes.length > 0 ? extent(size.height) : 0,
    nodes,
    edges,
    isolated: playbooks.filter((p) => !connected.has(p.slug)).map((p) => ({ slug: p.slug, title: p.title, href: p.href })),
  };
}
