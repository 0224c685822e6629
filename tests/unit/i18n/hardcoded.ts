/**
 * Finds reader-facing text written straight into the views instead of going through t(): JSX text,
 * literals rendered as children ({cond && 'Searching…'}), literals in the attributes people read or
 * hear (title, aria-label, placeholder, alt, label), and sentences handed to state setters or set as
 * an error's title/detail/text. Literals passed to a call (t's keys), compared (status === 'ready')
 * or used as an index are code, not text.
 */
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  text: string;
  why: 'jsx-text' | 'jsx-child' | 'attribute' | 'message';
}

const VISIBLE_ATTRS = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
const MESSAGE_PROPS = new Set(['text', 'title', 'detail', 'message', 'error']);
/**
 * Text that is the same in every language. Kept short on purpose: each entry says why.
 * - "example.org": an example hostname (RFC 2606), not a word.
 */
export const ALLOWED = new Set(['example.org']);

const hasWords = (s: string) => /\p{L}{2,}/u.test(s);
const COMPARE = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.InKeyword,
]);

function literalText(n: ts.Node): string | null {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('…');
  return null;
}

/** Where a literal ends up: rendered as a child, in a visible attribute, or nowhere a reader sees. */
function rendered(node: ts.Node): Finding['why'] | null {
  let cur: ts.Node = node;
  let parent: ts.Node | undefined = node.parent;
  while (parent) {
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      if (parent.arguments?.includes(cur as ts.Expression)) {
        const callee = parent.expression.getText();
        // A sentence given to a state setter is shown later: setError('Could not…').
        return /(^|\.)set[A-Z]\w*$/.test(callee) && / /.test(literalText(node) ?? '') ? 'message' : null;
      }
      return null;
    }
    if (ts.isBinaryExpression(parent) && COMPARE.has(parent.operatorToken.kind)) return null;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === cur) return null;
    if (ts.isConditionalExpression(parent) && parent.condition === cur) return null;
    if (ts.isPropertyAssignment(parent)) {
      if (parent.name === cur) return null;
      const name = parent.name.getText();
      return MESSAGE_PROPS.has(name) && / /.test(literalText(node) ?? '') ? 'message' : null;
    }
    if (ts.isJsxAttribute(parent)) return VISIBLE_ATTRS.has(parent.name.getText()) ? 'attribute' : null;
    if (ts.isJsxExpression(parent)) {
      if (parent.parent && ts.isJsxAttribute(parent.parent)) {
        cur = parent;
        parent = parent.parent;
        continue;
      }
      return 'jsx-child';
    }
    if (
      ts.isBinaryExpression(parent) ||
      ts.isConditionalExpression(parent) ||
      ts.isParenthesizedExpression(parent) ||
      ts.isTemplateSpan(parent) ||
      ts.isTemplateExpression(parent)
    ) {
      cur = parent;
      parent = parent.parent;
      continue;
    }
    return null;
  }
  return null;
}

export function findHardcoded(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Finding[] = [];
  const add = (n: ts.Node, text: string, why: Finding['why']) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!hasWords(t) || ALLOWED.has(t)) return;
    out.push({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: t, why });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isJsxText(n)) add(n, n.text, 'jsx-text');
    else {
      const text = literalText(n);
      if (text !== null) {
        const why = rendered(n);
        if (why) add(n, text, why);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
