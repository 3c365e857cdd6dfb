// Markup-compatibility processing (ISO/IEC 29500-3) as a consumer that understands none of the
// extensions does it, so the part can be validated against the transitional schemas: attributes
// and elements of a namespace an element lists in mc:Ignorable are dropped, mc:AlternateContent is
// replaced by its mc:Fallback's content (or by nothing), and the mc attributes themselves go.
const MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006";

function ignorableOf(element: Element, inherited: ReadonlySet<string>): Set<string> {
  const out = new Set(inherited);
  const list = element.getAttributeNS(MC_NAMESPACE, "Ignorable");
  for (const prefix of (list ?? "").split(/\s+/).filter(Boolean)) {
    const uri = element.lookupNamespaceURI(prefix);
    if (uri) out.add(uri);
  }
  return out;
}

function process(element: Element, inherited: ReadonlySet<string>): void {
  const ignorable = ignorableOf(element, inherited);
  for (const attribute of Array.from(element.attributes)) {
    const ns = attribute.namespaceURI;
    if (ns && (ns === MC_NAMESPACE || ignorable.has(ns))) element.removeAttributeNode(attribute);
  }
  for (const child of Array.from(element.children)) {
    if (child.namespaceURI === MC_NAMESPACE && child.localName === "AlternateContent") {
      const fallback = Array.from(child.children).find((c) => c.namespaceURI === MC_NAMESPACE && c.localName === "Fallback");
      const replacement = fallback ? Array.from(fallback.childNodes) : [];
      for (const node of replacement) element.insertBefore(node, child);
      element.removeChild(child);
      for (const node of replacement) if (node.nodeType === 1) process(node as Element, ignorable);
      continue;
    }
    if (child.namespaceURI && ignorable.has(child.namespaceURI)) {
      element.removeChild(child);
      continue;
    }
    process(child, ignorable);
  }
}

/** The part's XML after markup-compatibility processing. */
export function processMarkupCompatibility(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  process(doc.documentElement, new Set());
  return new XMLSerializer().serializeToString(doc);
}
