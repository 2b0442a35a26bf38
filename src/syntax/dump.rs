//! `ast.dump(tree, include_attributes=True)` for our AST, character for
//! character, so parser output can be compared with CPython's.

use super::ast::*;
use crate::runtime::repr::{bytes_repr, complex_repr, float_repr, str_repr};
use std::fmt::Write;

pub fn dump_module(m: &Module) -> String {
    let mut d = Dumper(String::new());
    d.0.push_str("Module(body=");
    d.stmts(&m.body);
    d.0.push_str(", type_ignores=[])");
    d.0
}

struct Dumper(String);

/// A field of a node: `name=value`, written by a closure.
type Field<'a> = (&'a str, Box<dyn Fn(&mut Dumper) + 'a>);

impl Dumper {
    fn node(&mut self, name: &str, fields: Vec<Field>, span: Option<Span>) {
        self.0.push_str(name);
        self.0.push('(');
        let mut first = true;
        for (fname, write) in fields {
            if !first {
                self.0.push_str(", ");
            }
            first = false;
            self.0.push_str(fname);
            self.0.push('=');
            write(self);
        }
        if let Some(s) = span {
            if !first {
                self.0.push_str(", ");
            }
            let _ = write!(
                self.0,
                "lineno={}, col_offset={}, end_lineno={}, end_col_offset={}",
                s.line, s.col, s.end_line, s.end_col
            );
        }
        self.0.push(')');
    }

    fn list<T>(&mut self, items: &[T], each: impl Fn(&mut Dumper, &T)) {
        self.0.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.0.push_str(", ");
            }
            each(self, x);
        }
        self.0.push(']');
    }

    fn stmts(&mut self, body: &[Stmt]) {
        self.list(body, |d, s| d.stmt(s));
    }

    fn exprs(&mut self, es: &[Expr]) {
        self.list(es, |d, e| d.expr(e));
    }

    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn ident_list(&mut self, names: &[Ident]) {
        self.list(names, |d, n| d.raw(&str_repr(n)));
    }

    fn stmt(&mut self, s: &Stmt) {
        let sp = Some(s.span);
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                let name = if matches!(s.kind, StmtKind::FunctionDef(_)) {
                    "FunctionDef"
                } else {
                    "AsyncFunctionDef"
                };
                let mut fields: Vec<Field> = vec![
                    (
                        "name",
                        Box::new(move |d: &mut Dumper| d.raw(&str_repr(&f.name))),
                    ),
                    ("args", Box::new(move |d: &mut Dumper| d.arguments(&f.args))),
                    ("body", Box::new(move |d: &mut Dumper| d.stmts(&f.body))),
                    (
                        "decorator_list",
                        Box::new(move |d: &mut Dumper| d.exprs(&f.decorator_list)),
                    ),
                ];
                if let Some(r) = &f.returns {
                    fields.push(("returns", Box::new(move |d: &mut Dumper| d.expr(r))));
                }
                fields.push((
                    "type_params",
                    Box::new(move |d: &mut Dumper| d.type_params(&f.type_params)),
                ));
                self.node(name, fields, sp);
            }
            StmtKind::ClassDef(c) => self.node(
                "ClassDef",
                vec![
                    (
                        "name",
                        Box::new(move |d: &mut Dumper| d.raw(&str_repr(&c.name))),
                    ),
                    ("bases", Box::new(move |d: &mut Dumper| d.exprs(&c.bases))),
                    (
                        "keywords",
                        Box::new(move |d: &mut Dumper| d.list(&c.keywords, |d, k| d.keyword(k))),
                    ),
                    ("body", Box::new(move |d: &mut Dumper| d.stmts(&c.body))),
                    (
                        "decorator_list",
                        Box::new(move |d: &mut Dumper| d.exprs(&c.decorator_list)),
                    ),
                    (
                        "type_params",
                        Box::new(move |d: &mut Dumper| d.type_params(&c.type_params)),
                    ),
                ],
                sp,
            ),
            StmtKind::Return(v) => {
                let fields = opt_field("value", v.as_deref());
                self.node("Return", fields, sp)
            }
            StmtKind::Delete(t) => self.node(
                "Delete",
                vec![("targets", Box::new(move |d: &mut Dumper| d.exprs(t)))],
                sp,
            ),
            StmtKind::Assign { targets, value } => self.node(
                "Assign",
                vec![
                    ("targets", Box::new(move |d: &mut Dumper| d.exprs(targets))),
                    expr_field("value", value),
                ],
                sp,
            ),
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => self.node(
                "TypeAlias",
                vec![
                    expr_field("name", name),
                    (
                        "type_params",
                        Box::new(move |d: &mut Dumper| d.type_params(type_params)),
                    ),
                    expr_field("value", value),
                ],
                sp,
            ),
            StmtKind::AugAssign { target, op, value } => self.node(
                "AugAssign",
                vec![
                    expr_field("target", target),
                    (
                        "op",
                        Box::new(move |d: &mut Dumper| d.raw(&format!("{}()", op_name(*op)))),
                    ),
                    expr_field("value", value),
                ],
                sp,
            ),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let mut fields = vec![
                    expr_field("target", target),
                    expr_field("annotation", annotation),
                ];
                fields.extend(opt_field("value", value.as_deref()));
                fields.push((
                    "simple",
                    Box::new(move |d: &mut Dumper| d.raw(if *simple { "1" } else { "0" })),
                ));
                self.node("AnnAssign", fields, sp)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
            } => {
                let name = if matches!(s.kind, StmtKind::For { .. }) {
                    "For"
                } else {
                    "AsyncFor"
                };
                self.node(
                    name,
                    vec![
                        expr_field("target", target),
                        expr_field("iter", iter),
                        stmts_field("body", body),
                        stmts_field("orelse", orelse),
                    ],
                    sp,
                )
            }
            StmtKind::While { test, body, orelse } => self.node(
                "While",
                vec![
                    expr_field("test", test),
                    stmts_field("body", body),
                    stmts_field("orelse", orelse),
                ],
                sp,
            ),
            StmtKind::If { test, body, orelse } => self.node(
                "If",
                vec![
                    expr_field("test", test),
                    stmts_field("body", body),
                    stmts_field("orelse", orelse),
                ],
                sp,
            ),
            StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
                let name = if matches!(s.kind, StmtKind::With { .. }) {
                    "With"
                } else {
                    "AsyncWith"
                };
                self.node(
                    name,
                    vec![
                        (
                            "items",
                            Box::new(move |d: &mut Dumper| d.list(items, |d, i| d.withitem(i))),
                        ),
                        stmts_field("body", body),
                    ],
                    sp,
                )
            }
            StmtKind::Match { subject, cases } => self.node(
                "Match",
                vec![
                    expr_field("subject", subject),
                    (
                        "cases",
                        Box::new(move |d: &mut Dumper| d.list(cases, |d, c| d.match_case(c))),
                    ),
                ],
                sp,
            ),
            StmtKind::Raise { exc, cause } => {
                let mut fields = opt_field("exc", exc.as_deref());
                fields.extend(opt_field("cause", cause.as_deref()));
                self.node("Raise", fields, sp)
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                let Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } = &**t;
                let name = if matches!(s.kind, StmtKind::Try(_)) {
                    "Try"
                } else {
                    "TryStar"
                };
                self.node(
                    name,
                    vec![
                        stmts_field("body", body),
                        (
                            "handlers",
                            Box::new(move |d: &mut Dumper| d.list(handlers, |d, h| d.handler(h))),
                        ),
                        stmts_field("orelse", orelse),
                        stmts_field("finalbody", finalbody),
                    ],
                    sp,
                )
            }
            StmtKind::Assert { test, msg } => {
                let mut fields = vec![expr_field("test", test)];
                fields.extend(opt_field("msg", msg.as_deref()));
                self.node("Assert", fields, sp)
            }
            StmtKind::Import(names) => self.node(
                "Import",
                vec![(
                    "names",
                    Box::new(move |d: &mut Dumper| d.list(names, |d, a| d.alias(a))),
                )],
                sp,
            ),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let mut fields: Vec<Field> = Vec::new();
                if let Some(m) = module {
                    fields.push((
                        "module",
                        Box::new(move |d: &mut Dumper| d.raw(&str_repr(m))),
                    ));
                }
                fields.push((
                    "names",
                    Box::new(move |d: &mut Dumper| d.list(names, |d, a| d.alias(a))),
                ));
                fields.push((
                    "level",
                    Box::new(move |d: &mut Dumper| d.raw(&level.to_string())),
                ));
                self.node("ImportFrom", fields, sp)
            }
            StmtKind::Global(n) => self.node(
                "Global",
                vec![("names", Box::new(move |d: &mut Dumper| d.ident_list(n)))],
                sp,
            ),
            StmtKind::Nonlocal(n) => self.node(
                "Nonlocal",
                vec![("names", Box::new(move |d: &mut Dumper| d.ident_list(n)))],
                sp,
            ),
            StmtKind::Expr(e) => self.node("Expr", vec![expr_field("value", e)], sp),
            StmtKind::Pass => self.node("Pass", vec![], sp),
            StmtKind::Break => self.node("Break", vec![], sp),
            StmtKind::Continue => self.node("Continue", vec![], sp),
        }
    }

    fn expr(&mut self, e: &Expr) {
        let sp = Some(e.span);
        match &e.kind {
            ExprKind::BoolOp { op, values } => self.node(
                "BoolOp",
                vec![
                    (
                        "op",
                        Box::new(move |d: &mut Dumper| {
                            d.raw(if *op == BoolOp::And { "And()" } else { "Or()" })
                        }),
                    ),
                    ("values", Box::new(move |d: &mut Dumper| d.exprs(values))),
                ],
                sp,
            ),
            ExprKind::NamedExpr { target, value } => self.node(
                "NamedExpr",
                vec![expr_field("target", target), expr_field("value", value)],
                sp,
            ),
            ExprKind::BinOp { left, op, right } => self.node(
                "BinOp",
                vec![
                    expr_field("left", left),
                    (
                        "op",
                        Box::new(move |d: &mut Dumper| d.raw(&format!("{}()", op_name(*op)))),
                    ),
                    expr_field("right", right),
                ],
                sp,
            ),
            ExprKind::UnaryOp { op, operand } => {
                let name = match op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                };
                self.node(
                    "UnaryOp",
                    vec![
                        ("op", Box::new(move |d: &mut Dumper| d.raw(name))),
                        expr_field("operand", operand),
                    ],
                    sp,
                )
            }
            ExprKind::Lambda { args, body } => self.node(
                "Lambda",
                vec![
                    ("args", Box::new(move |d: &mut Dumper| d.arguments(args))),
                    expr_field("body", body),
                ],
                sp,
            ),
            ExprKind::IfExp { test, body, orelse } => self.node(
                "IfExp",
                vec![
                    expr_field("test", test),
                    expr_field("body", body),
                    expr_field("orelse", orelse),
                ],
                sp,
            ),
            ExprKind::Dict { keys, values } => self.node(
                "Dict",
                vec![
                    (
                        "keys",
                        Box::new(move |d: &mut Dumper| {
                            d.list(keys, |d, k| match k {
                                Some(k) => d.expr(k),
                                None => d.raw("None"),
                            })
                        }),
                    ),
                    ("values", Box::new(move |d: &mut Dumper| d.exprs(values))),
                ],
                sp,
            ),
            ExprKind::Set(elts) => self.node(
                "Set",
                vec![("elts", Box::new(move |d: &mut Dumper| d.exprs(elts)))],
                sp,
            ),
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                self.node(
                    name,
                    vec![expr_field("elt", elt), comps_field(generators)],
                    sp,
                )
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.node(
                "DictComp",
                vec![
                    expr_field("key", key),
                    expr_field("value", value),
                    comps_field(generators),
                ],
                sp,
            ),
            ExprKind::Await(v) => self.node("Await", vec![expr_field("value", v)], sp),
            ExprKind::Yield(v) => {
                let fields = opt_field("value", v.as_deref());
                self.node("Yield", fields, sp)
            }
            ExprKind::YieldFrom(v) => self.node("YieldFrom", vec![expr_field("value", v)], sp),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.node(
                "Compare",
                vec![
                    expr_field("left", left),
                    (
                        "ops",
                        Box::new(move |d: &mut Dumper| d.list(ops, |d, o| d.raw(cmp_name(*o)))),
                    ),
                    (
                        "comparators",
                        Box::new(move |d: &mut Dumper| d.exprs(comparators)),
                    ),
                ],
                sp,
            ),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.node(
                "Call",
                vec![
                    expr_field("func", func),
                    ("args", Box::new(move |d: &mut Dumper| d.exprs(args))),
                    (
                        "keywords",
                        Box::new(move |d: &mut Dumper| d.list(keywords, |d, k| d.keyword(k))),
                    ),
                ],
                sp,
            ),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut fields = vec![
                    expr_field("value", value),
                    (
                        "conversion",
                        Box::new(move |d: &mut Dumper| d.raw(&conversion.to_string()))
                            as Box<dyn Fn(&mut Dumper)>,
                    ),
                ];
                fields.extend(opt_field("format_spec", format_spec.as_deref()));
                self.node("FormattedValue", fields, sp)
            }
            ExprKind::JoinedStr(values) => self.node(
                "JoinedStr",
                vec![("values", Box::new(move |d: &mut Dumper| d.exprs(values)))],
                sp,
            ),
            ExprKind::Constant(v) => self.node(
                "Constant",
                vec![("value", Box::new(move |d: &mut Dumper| d.constant(v)))],
                sp,
            ),
            ExprKind::Attribute { value, attr, ctx } => self.node(
                "Attribute",
                vec![
                    expr_field("value", value),
                    (
                        "attr",
                        Box::new(move |d: &mut Dumper| d.raw(&str_repr(attr))),
                    ),
                    ctx_field(*ctx),
                ],
                sp,
            ),
            ExprKind::Subscript { value, slice, ctx } => self.node(
                "Subscript",
                vec![
                    expr_field("value", value),
                    expr_field("slice", slice),
                    ctx_field(*ctx),
                ],
                sp,
            ),
            ExprKind::Starred { value, ctx } => self.node(
                "Starred",
                vec![expr_field("value", value), ctx_field(*ctx)],
                sp,
            ),
            ExprKind::Name { id, ctx } => self.node(
                "Name",
                vec![
                    ("id", Box::new(move |d: &mut Dumper| d.raw(&str_repr(id)))),
                    ctx_field(*ctx),
                ],
                sp,
            ),
            ExprKind::List { elts, ctx } => self.node(
                "List",
                vec![
                    ("elts", Box::new(move |d: &mut Dumper| d.exprs(elts))),
                    ctx_field(*ctx),
                ],
                sp,
            ),
            ExprKind::Tuple { elts, ctx } => self.node(
                "Tuple",
                vec![
                    ("elts", Box::new(move |d: &mut Dumper| d.exprs(elts))),
                    ctx_field(*ctx),
                ],
                sp,
            ),
            ExprKind::Slice { lower, upper, step } => {
                let mut fields = opt_field("lower", lower.as_deref());
                fields.extend(opt_field("upper", upper.as_deref()));
                fields.extend(opt_field("step", step.as_deref()));
                self.node("Slice", fields, sp)
            }
        }
    }

    fn constant(&mut self, v: &ConstantValue) {
        let text = match v {
            ConstantValue::None => "None".to_string(),
            ConstantValue::Ellipsis => "Ellipsis".to_string(),
            ConstantValue::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            ConstantValue::Int(i) => i.to_string(),
            ConstantValue::Float(f) => float_repr(*f),
            ConstantValue::Imaginary(f) => complex_repr(0.0, *f),
            ConstantValue::Str(s) => str_repr(s),
            ConstantValue::Bytes(b) => bytes_repr(b),
        };
        self.raw(&text);
    }

    fn arguments(&mut self, a: &Arguments) {
        let mut fields: Vec<Field> = vec![
            (
                "posonlyargs",
                Box::new(move |d: &mut Dumper| d.list(&a.posonlyargs, |d, x| d.arg(x))),
            ),
            (
                "args",
                Box::new(move |d: &mut Dumper| d.list(&a.args, |d, x| d.arg(x))),
            ),
        ];
        if let Some(v) = &a.vararg {
            fields.push(("vararg", Box::new(move |d: &mut Dumper| d.arg(v))));
        }
        fields.push((
            "kwonlyargs",
            Box::new(move |d: &mut Dumper| d.list(&a.kwonlyargs, |d, x| d.arg(x))),
        ));
        fields.push((
            "kw_defaults",
            Box::new(move |d: &mut Dumper| {
                d.list(&a.kw_defaults, |d, x| match x {
                    Some(e) => d.expr(e),
                    None => d.raw("None"),
                })
            }),
        ));
        if let Some(k) = &a.kwarg {
            fields.push(("kwarg", Box::new(move |d: &mut Dumper| d.arg(k))));
        }
        fields.push((
            "defaults",
            Box::new(move |d: &mut Dumper| d.exprs(&a.defaults)),
        ));
        self.node("arguments", fields, None);
    }

    fn arg(&mut self, a: &Arg) {
        let mut fields: Vec<Field> = vec![(
            "arg",
            Box::new(move |d: &mut Dumper| d.raw(&str_repr(&a.arg))),
        )];
        fields.extend(opt_field("annotation", a.annotation.as_ref()));
        self.node("arg", fields, Some(a.span));
    }

    fn keyword(&mut self, k: &Keyword) {
        let mut fields: Vec<Field> = Vec::new();
        if let Some(name) = &k.arg {
            fields.push((
                "arg",
                Box::new(move |d: &mut Dumper| d.raw(&str_repr(name))),
            ));
        }
        fields.push(expr_field("value", &k.value));
        self.node("keyword", fields, Some(k.span));
    }

    fn alias(&mut self, a: &Alias) {
        let mut fields: Vec<Field> = vec![(
            "name",
            Box::new(move |d: &mut Dumper| d.raw(&str_repr(&a.name))),
        )];
        if let Some(n) = &a.asname {
            fields.push((
                "asname",
                Box::new(move |d: &mut Dumper| d.raw(&str_repr(n))),
            ));
        }
        self.node("alias", fields, Some(a.span));
    }

    fn withitem(&mut self, w: &WithItem) {
        let mut fields = vec![expr_field("context_expr", &w.context_expr)];
        fields.extend(opt_field("optional_vars", w.optional_vars.as_ref()));
        self.node("withitem", fields, None);
    }

    fn handler(&mut self, h: &ExceptHandler) {
        let mut fields = opt_field("type", h.type_.as_ref());
        if let Some(n) = &h.name {
            fields.push(("name", Box::new(move |d: &mut Dumper| d.raw(&str_repr(n)))));
        }
        fields.push(stmts_field("body", &h.body));
        self.node("ExceptHandler", fields, Some(h.span));
    }

    fn comprehension(&mut self, c: &Comprehension) {
        self.node(
            "comprehension",
            vec![
                expr_field("target", &c.target),
                expr_field("iter", &c.iter),
                ("ifs", Box::new(move |d: &mut Dumper| d.exprs(&c.ifs))),
                (
                    "is_async",
                    Box::new(move |d: &mut Dumper| d.raw(if c.is_async { "1" } else { "0" })),
                ),
            ],
            None,
        );
    }

    fn match_case(&mut self, c: &MatchCase) {
        let mut fields: Vec<Field> = vec![(
            "pattern",
            Box::new(move |d: &mut Dumper| d.pattern(&c.pattern)),
        )];
        fields.extend(opt_field("guard", c.guard.as_ref()));
        fields.push(stmts_field("body", &c.body));
        self.node("match_case", fields, None);
    }

    fn patterns(&mut self, ps: &[Pattern]) {
        self.list(ps, |d, p| d.pattern(p));
    }

    fn pattern(&mut self, p: &Pattern) {
        let sp = Some(p.span);
        match &p.kind {
            PatternKind::MatchValue(v) => self.node("MatchValue", vec![expr_field("value", v)], sp),
            PatternKind::MatchSingleton(v) => self.node(
                "MatchSingleton",
                vec![("value", Box::new(move |d: &mut Dumper| d.constant(v)))],
                sp,
            ),
            PatternKind::MatchSequence(ps) => self.node(
                "MatchSequence",
                vec![("patterns", Box::new(move |d: &mut Dumper| d.patterns(ps)))],
                sp,
            ),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                let mut fields: Vec<Field> = vec![
                    ("keys", Box::new(move |d: &mut Dumper| d.exprs(keys))),
                    (
                        "patterns",
                        Box::new(move |d: &mut Dumper| d.patterns(patterns)),
                    ),
                ];
                if let Some(r) = rest {
                    fields.push(("rest", Box::new(move |d: &mut Dumper| d.raw(&str_repr(r)))));
                }
                self.node("MatchMapping", fields, sp)
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.node(
                "MatchClass",
                vec![
                    expr_field("cls", cls),
                    (
                        "patterns",
                        Box::new(move |d: &mut Dumper| d.patterns(patterns)),
                    ),
                    (
                        "kwd_attrs",
                        Box::new(move |d: &mut Dumper| d.ident_list(kwd_attrs)),
                    ),
                    (
                        "kwd_patterns",
                        Box::new(move |d: &mut Dumper| d.patterns(kwd_patterns)),
                    ),
                ],
                sp,
            ),
            PatternKind::MatchStar(name) => {
                let mut fields: Vec<Field> = Vec::new();
                if let Some(n) = name {
                    fields.push(("name", Box::new(move |d: &mut Dumper| d.raw(&str_repr(n)))));
                }
                self.node("MatchStar", fields, sp)
            }
            PatternKind::MatchAs { pattern, name } => {
                let mut fields: Vec<Field> = Vec::new();
                if let Some(pat) = pattern {
                    fields.push(("pattern", Box::new(move |d: &mut Dumper| d.pattern(pat))));
                }
                if let Some(n) = name {
                    fields.push(("name", Box::new(move |d: &mut Dumper| d.raw(&str_repr(n)))));
                }
                self.node("MatchAs", fields, sp)
            }
            PatternKind::MatchOr(ps) => self.node(
                "MatchOr",
                vec![("patterns", Box::new(move |d: &mut Dumper| d.patterns(ps)))],
                sp,
            ),
        }
    }

    fn type_params(&mut self, tps: &[TypeParam]) {
        self.list(tps, |d, tp| {
            let sp = Some(tp.span);
            match &tp.kind {
                TypeParamKind::TypeVar { name, bound } => {
                    let mut fields: Vec<Field> = vec![(
                        "name",
                        Box::new(move |d: &mut Dumper| d.raw(&str_repr(name))),
                    )];
                    fields.extend(opt_field("bound", bound.as_ref()));
                    d.node("TypeVar", fields, sp)
                }
                TypeParamKind::ParamSpec { name } => d.node(
                    "ParamSpec",
                    vec![(
                        "name",
                        Box::new(move |d: &mut Dumper| d.raw(&str_repr(name))),
                    )],
                    sp,
                ),
                TypeParamKind::TypeVarTuple { name } => d.node(
                    "TypeVarTuple",
                    vec![(
                        "name",
                        Box::new(move |d: &mut Dumper| d.raw(&str_repr(name))),
                    )],
                    sp,
                ),
            }
        });
    }
}

fn expr_field<'a>(name: &'a str, e: &'a Expr) -> Field<'a> {
    (name, Box::new(move |d: &mut Dumper| d.expr(e)))
}

fn opt_field<'a>(name: &'a str, e: Option<&'a Expr>) -> Vec<Field<'a>> {
    e.map(|e| expr_field(name, e)).into_iter().collect()
}

fn stmts_field<'a>(name: &'a str, body: &'a [Stmt]) -> Field<'a> {
    (name, Box::new(move |d: &mut Dumper| d.stmts(body)))
}

fn comps_field(generators: &[Comprehension]) -> Field<'_> {
    (
        "generators",
        Box::new(move |d: &mut Dumper| d.list(generators, |d, c| d.comprehension(c))),
    )
}

fn ctx_field<'a>(ctx: Context) -> Field<'a> {
    let text = match ctx {
        Context::Load => "Load()",
        Context::Store => "Store()",
        Context::Del => "Del()",
    };
    ("ctx", Box::new(move |d: &mut Dumper| d.raw(text)))
}

fn op_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
        Operator::LShift => "LShift",
        Operator::MatMult => "MatMult",
        Operator::Mult => "Mult",
        Operator::Mod => "Mod",
        Operator::BitOr => "BitOr",
        Operator::Pow => "Pow",
        Operator::RShift => "RShift",
        Operator::Sub => "Sub",
        Operator::Div => "Div",
        Operator::BitXor => "BitXor",
    }
}

fn cmp_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq()",
        CmpOp::NotEq => "NotEq()",
        CmpOp::Lt => "Lt()",
        CmpOp::LtE => "LtE()",
        CmpOp::Gt => "Gt()",
        CmpOp::GtE => "GtE()",
        CmpOp::Is => "Is()",
        CmpOp::IsNot => "IsNot()",
        CmpOp::In => "In()",
        CmpOp::NotIn => "NotIn()",
    }
}
