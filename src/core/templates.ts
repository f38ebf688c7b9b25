/**
 * Template tags of other generators (Liquid `{% include x %}` and `{{ page.title }}`, Hugo `{{< x >}}`, ERB
 * `<%= x %>`) cannot run on this site, so nothing it shows holds them as text: tags that output something are
 * left out; an include says briefly what is missing. One function for the page body, the outline and the
 * lists; code keeps them as written.
 */
export function withoutTemplateTags(value: string): string {
  if (!/\{[{%]|<%/.test(value)) return value;
  return value
    .replace(/\{%-?\s*include(?:_relative)?\s+["']?([^"'\s%}]+)[^%]*-?%\}/g, (_, name: string) => `[not shown here: ${name.replace(/\.html?$/, '')}]`)
    .replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '')
    .replace(/\{%[\s\S]*?%\}/g, '')
    .replace(/\{\{[\s\S]*?\}\}/g, '')
    .replace(/<%[=-]?[\s\S]*?%>/g, '');
}
