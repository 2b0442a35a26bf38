//! Caret anchors for tracebacks: traceback.py's
//! `_extract_caret_anchors_from_line_segment`, ported with its quirks
//! (it mixes byte and character offsets the same way).

use super::traceback::Anchors;
use crate::syntax::ast::{ExprKind, StmtKind};

/// `(left_end, right_start)` character offsets for a segment that parses as
/// one binary operation (anchored on the operator) or subscript (anchored
/// on the brackets); `None` otherwise.
pub fn extract(segment: &str) -> Option<Anchors> {
    let tree = crate::syntax::parse(segment, "<string>").ok()?;
    let [stmt] = tree.body.as_slice() else { return None };
    let StmtKind::Expr(expr) = &stmt.kind else { return None };
    let chars: Vec<char> = segment.chars().collect();
    let normalize = |offset: usize| byte_to_char_offset(segment, offset);
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            // CPython 3.12 prints uncaught tracebacks from C (traceback.c's
            // extract_anchors_from_expr), which differs from traceback.py
            // here: on the UTF-8 bytes between the operands, the first
            // character that is neither whitespace nor a closing parenthesis
            // is the operator (two wide if the next byte is not whitespace).
            let bytes = segment.as_bytes();
            let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\x0c');
            let (start, end) = (left.span.end_col as usize, (right.span.col as usize).min(bytes.len()));
            let (mut left_anchor, mut right_anchor) = (0, 0);
            for i in start..end {
                if is_space(bytes[i]) {
                    continue;
                }
                left_anchor = i;
                right_anchor = i + 1;
                if i + 1 < end && !is_space(bytes[i + 1]) {
                    right_anchor += 1;
                }
                if i + 1 < end && bytes[i] == b')' {
                    continue;
                }
                break;
            }
            Some((normalize(left_anchor), normalize(right_anchor)))
        }
        ExprKind::Subscript { value, slice, .. } => {
            let mut left_anchor = normalize(value.span.end_col as usize);
            let mut right_anchor = normalize(slice.span.end_col as usize + 1);
            while left_anchor < chars.len() && (chars[left_anchor].is_whitespace() || chars[left_anchor] != '[') {
                left_anchor += 1;
            }
            while right_anchor < chars.len() && (chars[right_anchor].is_whitespace() || chars[right_anchor] != ']') {
                right_anchor += 1;
            }
            if right_anchor < chars.len() {
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor))
        }
        _ => None,
    }
}

/// traceback.py's `_byte_offset_to_character_offset`.
pub fn byte_to_char_offset(s: &str, offset: usize) -> usize {
    let bytes = s.as_bytes();
    String::from_utf8_lossy(&bytes[..offset.min(bytes.len())]).chars().count()
}

#[cfg(test)]
mod tests {
    use super::extract;

    #[test]
    fn anchors_like_traceback_py() {
        assert_eq!(extract("a + b"), Some((2, 3)));
        assert_eq!(extract("10 / x"), Some((3, 4)));
        assert_eq!(extract("a // b"), Some((2, 4)));
        assert_eq!(extract("xs[3]"), Some((2, 5)));
        assert_eq!(extract("f(x)"), None);
        assert_eq!(extract("(a) + b"), Some((4, 5)));
    }
}
