package dev.emailconnectors.internal;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Derives the plain-text alternative of an HTML body with jsoup: block elements become line breaks, links keep their
 * target ({@code text (https://…)}), images their alt text; scripts, styles and the head are dropped.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "table",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "blockquote",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "hr",
            "center");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "template");

    private HtmlText() {}

    /**
     * Converts HTML to readable plain text.
     *
     * @param html the HTML
     * @return the text, with at most one blank line between blocks
     */
    public static String toText(String html) {
        Element body = Jsoup.parse(html).body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new Collector(out), body);
        return out.toString()
                .replace('\u00a0', ' ')
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .trim();
    }

    /** Appends text as the traversal walks the tree. */
    private static final class Collector implements NodeVisitor {
        private final StringBuilder out;
        private int skipDepth;

        Collector(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element) {
                Element e = (Element) node;
                String tag = e.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth++;
                } else if (skipDepth == 0) {
                    if ("br".equals(tag)) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        out.append('\n');
                    } else if ("img".equals(tag) && !e.attr("alt").isBlank()) {
                        out.append(e.attr("alt"));
                    } else if ("td".equals(tag) || "th".equals(tag)) {
                        out.append(' ');
                    }
                }
            } else if (node instanceof TextNode && skipDepth == 0) {
                String text = ((TextNode) node).text().replaceAll("\\s+", " ");
                if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                    text = text.stripLeading();
                }
                out.append(text);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element)) {
                return;
            }
            Element e = (Element) node;
            String tag = e.normalName();
            if (SKIPPED.contains(tag)) {
                skipDepth--;
            } else if (skipDepth == 0) {
                if ("a".equals(tag)) {
                    String href = e.attr("href");
                    if (!href.isBlank()
                            && !href.startsWith("#")
                            && !e.text().trim().equals(href.trim())) {
                        out.append(" (").append(href.trim()).append(')');
                    }
                } else if (BLOCKS.contains(tag)) {
                    out.append('\n');
                }
            }
        }
    }
}
