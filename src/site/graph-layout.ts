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
  /** `LR`: prerequisites to the left of what needs them; `TB`: above it. */
  direction: 'LR' | 'TB';
  nodes: { slug: string; title: string; label: string; lines: string[]; href: string; status: string; openGaps: number; x: number; y: number; width: number; height: number }[];
  edges: { from: string; to: string; path: string }[];
  /** Playbooks with neither prerequisites nor dependents. */
  isolated: { slug: string; title: string; href: string }[];
}

const NODE_WIDTH = 170;
const NODE_HEIGHT = 46;
const LINE_CHARS = 24;
const MARGIN = 12;
/** The width the drawing is fitted to on a desktop (the page's content column): the direction that needs less shrinking wins. */
const BOX_WIDTH = 900;

function label(title: string): string {
  return title.length > 28 ? `${title.slice(0, 27)}…` : title;
}

/** A title on at most two lines of a node, broken at spaces; what does not fit ends in an ellipsis. */
export function labelLines(title: string, chars = LINE_CHARS): string[] {
  const lines: string[] = [];
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const shown = lines.slice(0, 2).map((line) => (line.length > chars ? `${line.slice(0, chars - 1)}…` : line));
  if (lines.length > 2 && !shown[1]!.endsWith('…')) shown[1] = `${shown[1]!.slice(0, chars - 1)}…`;
  return shown;
}

const newGraph = () => new dagre.graphlib.Graph();
type DagreGraph = ReturnType<typeof newGraph>;
interface Layout { graph: DagreGraph; width: number; height: number; dx: number; dy: number }

function layoutOnce(playbooks: readonly GraphInput[], connected: Set<string>, direction: 'LR' | 'TB'): Layout {
  const graph = newGraph();
  graph.setGraph({ rankdir: direction, nodesep: direction === 'LR' ? 14 : 18, ranksep: direction === 'LR' ? 60 : 44, marginx: MARGIN, marginy: MARGIN });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const p of playbooks) if (connected.has(p.slug)) graph.setNode(p.slug, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const p of playbooks) for (const need of p.needs) if (connected.has(need) && connected.has(p.slug) && need !== p.slug) graph.setEdge(need, p.slug);
  dagre.layout(graph);
  // The drawing's extent covers every node and every edge point (dagre's own size can leave edges outside it).
  let [minX, minY, maxX, maxY] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const slug of graph.nodes()) {
    const box = graph.node(slug);
    [minX, minY, maxX, maxY] = [Math.min(minX, box.x - NODE_WIDTH / 2), Math.min(minY, box.y - NODE_HEIGHT / 2), Math.max(maxX, box.x + NODE_WIDTH / 2), Math.max(maxY, box.y + NODE_HEIGHT / 2)];
  }
  for (const edge of graph.edges()) {
    for (const point of graph.edge(edge).points ?? []) [minX, minY, maxX, maxY] = [Math.min(minX, point.x), Math.min(minY, point.y), Math.max(maxX, point.x), Math.max(maxY, point.y)];
  }
  if (!Number.isFinite(minX)) return { graph, width: 0, height: 0, dx: 0, dy: 0 };
  return { graph, width: Math.ceil(maxX - minX + 2 * MARGIN), height: Math.ceil(maxY - minY + 2 * MARGIN), dx: MARGIN - minX, dy: MARGIN - minY };
}

export function layoutGraph(playbooks: readonly GraphInput[], direction: 'LR' | 'TB' | 'auto' = 'auto'): LaidOutGraph {
  const known = new Set(playbooks.map((p) => p.slug));
  const connected = new Set<string>();
  for (const p of playbooks) for (const need of p.needs) if (known.has(need) && need !== p.slug) connected.add(need).add(p.slug);
  const scale = (layout: Layout) => Math.min(1, BOX_WIDTH / Math.max(1, layout.width));
  let chosen: 'LR' | 'TB' = direction === 'TB' ? 'TB' : 'LR';
  let layout = layoutOnce(playbooks, connected, chosen);
  if (direction === 'auto' && connected.size > 0) {
    const other = layoutOnce(playbooks, connected, 'TB');
    if (scale(other) > scale(layout) + 0.05) [layout, chosen] = [other, 'TB'];
  }
  const { graph, dx, dy } = layout;
  const bySlug = new Map(playbooks.map((p) => [p.slug, p]));
  const nodes = graph.nodes().map((slug) => {
    const box = graph.node(slug);
    const p = bySlug.get(slug)!;
    return { slug, title: p.title, label: label(p.title), lines: labelLines(p.title), href: p.href, status: p.status, openGaps: p.openGaps, x: Math.round(box.x - NODE_WIDTH / 2 + dx), y: Math.round(box.y - NODE_HEIGHT / 2 + dy), width: NODE_WIDTH, height: NODE_HEIGHT };
  });
  const edges = graph.edges().map((edge) => {
    const points = graph.edge(edge).points ?? [];
    const path = points.map((point: { x: number; y: number }, index: number) => `${index === 0 ? 'M' : 'L'}${(point.x + dx).toFixed(1)},${(point.y + dy).toFixed(1)}`).join(' ');
    return { from: edge.v, to: edge.w, path };
  });
  // In the order of learning: by rank (column or row), then across.
  nodes.sort((a, b) => (chosen === 'LR' ? a.x - b.x || a.y - b.y : a.y - b.y || a.x - b.x));
  return {
    // A graph without nodes is 0 by 0 (dagre reports -Infinity for it), never an invalid SVG size.
    width: nodes.length > 0 ? layout.width : 0,
    height: nodes.length > 0 ? layout.height : 0,
    direction: chosen,
    nodes,
    edges,
    isolated: playbooks.filter((p) => !connected.has(p.slug)).map((p) => ({ slug: p.slug, title: p.title, href: p.href })),
  };
}
