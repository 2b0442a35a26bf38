//! THE opcode table of CPython 3.12.
//!
//! Everything about an instruction is derived from the one `opcodes!` table
//! below: the `Opcode` enum and its byte value, the name `dis` prints, how the
//! argument is decoded (`ArgKind`), how many CACHE code units follow it, its
//! stack effect in `bytecodes.c` notation, and a one-line explanation the page
//! shows. Numbers and cache counts are those of CPython 3.12's `Lib/opcode.py`.
//! The explanations reach the page as www/opcode-docs.js, generated from this
//! table and checked against it by tests/opcode_table.rs, so the wasm carries
//! none of their prose.

/// How an instruction's oparg is turned into `argval`/`argrepr` (cf. `dis.py`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The instruction takes no argument (the oparg byte is ignored, 0).
    None,
    /// A plain number: a count, a depth, flags without a printed form.
    Raw,
    /// Index into `co_consts`.
    Const,
    /// Index into `co_names`.
    Name,
    /// `co_names[arg >> 1]`; bit 0 asks for a NULL to be pushed first (LOAD_GLOBAL).
    GlobalName,
    /// `co_names[arg >> 1]`; bit 0 asks for the method form (LOAD_ATTR).
    AttrName,
    /// `co_names[arg >> 2]`; bit 0 method form, bit 1 two-argument super() (LOAD_SUPER_ATTR).
    SuperAttrName,
    /// Index into the "fast locals" (`co_varnames`).
    Local,
    /// Index into locals-plus: cell and free variables (`co_cellvars` + `co_freevars`).
    Free,
    /// Relative forward jump: target = next instruction + arg code units.
    JumpForward,
    /// Relative backward jump: target = next instruction - arg code units.
    JumpBackward,
    /// `cmp_op[arg >> 4]` (COMPARE_OP).
    Compare,
    /// `_nb_ops[arg]` (BINARY_OP).
    BinaryOp,
    /// Conversion in bits 0-1 and "with format" in bit 2 (FORMAT_VALUE).
    FormatValue,
    /// Flags: defaults, kwdefaults, annotations, closure (MAKE_FUNCTION).
    MakeFunction,
    /// `_intrinsic_1_descs[arg]` (CALL_INTRINSIC_1).
    Intrinsic1,
    /// `_intrinsic_2_descs[arg]` (CALL_INTRINSIC_2).
    Intrinsic2,
}

impl ArgKind {
    pub fn is_jump(self) -> bool {
        matches!(self, ArgKind::JumpForward | ArgKind::JumpBackward)
    }
}

macro_rules! opcodes {
    ($( $name:ident = $num:literal, $kind:ident, $caches:literal, $effect:literal, $doc:literal; )*) => {
        /// A real CPython 3.12 instruction; the discriminant is its byte in `co_code`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode { $( $name = $num, )* }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];

            /// Decodes an opcode byte; `None` for bytes CPython 3.12 does not assign.
            pub fn from_byte(byte: u8) -> Option<Opcode> {
                match byte { $( $num => Some(Opcode::$name), )* _ => None }
            }

            /// The name `dis` prints.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// Looks an opcode up by its `dis` name.
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name { $( stringify!($name) => Some(Opcode::$name), )* _ => None }
            }

            pub fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// Number of CACHE code units that follow the instruction in `co_code`.
            pub const fn cache_entries(self) -> usize {
                match self { $( Opcode::$name => $caches, )* }
            }

            /// Stack effect in `bytecodes.c` notation, e.g. `(left, right -- res)`.
            pub fn stack_notation(self) -> &'static str {
                match self { $( Opcode::$name => $effect, )* }
            }

            /// One plain sentence saying what the instruction does.
            pub fn explanation(self) -> &'static str {
                match self { $( Opcode::$name => $doc, )* }
            }
        }
    };
}

opcodes! {
    CACHE = 0, None, 0, "( -- )", "Inline cache entry: data for CPython's specializing interpreter, skipped by the instruction pointer and never executed.";
    POP_TOP = 1, None, 0, "(value -- )", "Removes the value on top of the stack.";
    PUSH_NULL = 2, None, 0, "( -- null)", "Pushes NULL, the marker CALL expects below a callable that is not a bound method.";
    INTERPRETER_EXIT = 3, None, 0, "(retval -- )", "Leaves the interpreter loop (used only by CPython internals).";
    END_FOR = 4, None, 0, "(second, value -- )", "Pops the two values a finished for loop leaves (the iterator and its last item).";
    END_SEND = 5, None, 0, "(receiver, value -- value)", "Removes the receiver under the top of the stack at the end of a yield from / await.";
    NOP = 9, None, 0, "( -- )", "Does nothing; it keeps a line number or a jump target in the code.";
    UNARY_NEGATIVE = 11, None, 0, "(value -- res)", "Replaces the top of the stack with its negation (-x).";
    UNARY_NOT = 12, None, 0, "(value -- res)", "Replaces the top of the stack with its logical negation (not x).";
    UNARY_INVERT = 15, None, 0, "(value -- res)", "Replaces the top of the stack with its bitwise inversion (~x).";
    RESERVED = 17, None, 0, "( -- )", "A reserved opcode that is never executed.";
    BINARY_SUBSCR = 25, None, 1, "(container, sub -- res)", "Pops an index and a container and pushes container[index].";
    BINARY_SLICE = 26, None, 0, "(container, start, stop -- res)", "Pops stop, start and a container and pushes container[start:stop].";
    STORE_SLICE = 27, None, 0, "(v, container, start, stop -- )", "Pops stop, start, a container and a value and does container[start:stop] = value.";
    GET_LEN = 30, None, 0, "(obj -- obj, len_o)", "Pushes len() of the top of the stack, keeping the object (used by match).";
    MATCH_MAPPING = 31, None, 0, "(subject -- subject, res)", "Pushes True if the subject is a mapping, for a match statement.";
    MATCH_SEQUENCE = 32, None, 0, "(subject -- subject, res)", "Pushes True if the subject is a sequence (but not str/bytes), for a match statement.";
    MATCH_KEYS = 33, None, 0, "(subject, keys -- subject, keys, values_or_none)", "Pushes a tuple of the subject's values for the given keys, or None if a key is missing.";
    PUSH_EXC_INFO = 35, None, 0, "(new_exc -- prev_exc, new_exc)", "Starts an exception handler: saves the exception being handled before and makes the new one current.";
    CHECK_EXC_MATCH = 36, None, 0, "(left, right -- left, b)", "Pushes whether the exception below matches the type on top (except Type:).";
    CHECK_EG_MATCH = 37, None, 0, "(exc_value, match_type -- rest, match)", "Splits an exception group for except*.";
    WITH_EXCEPT_START = 49, None, 0, "(exit_func, lasti, unused, val -- exit_func, lasti, unused, val, res)", "Calls a with statement's __exit__ with the exception being raised.";
    GET_AITER = 50, None, 0, "(obj -- iter)", "Replaces the top of the stack with its asynchronous iterator (__aiter__).";
    GET_ANEXT = 51, None, 0, "(aiter -- aiter, awaitable)", "Pushes the awaitable for the next item of an asynchronous iterator.";
    BEFORE_ASYNC_WITH = 52, None, 0, "(mgr -- exit, res)", "Looks up __aexit__ and calls __aenter__ for an async with statement.";
    BEFORE_WITH = 53, None, 0, "(mgr -- exit, res)", "Looks up the context manager's __exit__ and pushes it and the result of __enter__().";
    END_ASYNC_FOR = 54, None, 0, "(awaitable, exc -- )", "Ends an async for loop when StopAsyncIteration arrives.";
    CLEANUP_THROW = 55, None, 0, "(sub_iter, last_sent_val, exc_value -- none, value)", "Handles an exception thrown into a yield from / await.";
    STORE_SUBSCR = 60, None, 1, "(v, container, sub -- )", "Pops an index, a container and a value and does container[index] = value.";
    DELETE_SUBSCR = 61, None, 0, "(container, sub -- )", "Pops an index and a container and does del container[index].";
    GET_ITER = 68, None, 0, "(iterable -- iter)", "Replaces the top of the stack with iter() of it, ready for FOR_ITER.";
    GET_YIELD_FROM_ITER = 69, None, 0, "(iterable -- iter)", "Replaces the top of the stack with the iterator a yield from delegates to.";
    LOAD_BUILD_CLASS = 71, None, 0, "( -- bc)", "Pushes builtins.__build_class__, which a class statement calls.";
    LOAD_ASSERTION_ERROR = 74, None, 0, "( -- value)", "Pushes AssertionError for a failing assert statement.";
    RETURN_GENERATOR = 75, None, 0, "( -- )", "Creates the generator object for this call and returns it to the caller.";
    RETURN_VALUE = 83, None, 0, "(retval -- )", "Pops the top of the stack and returns it to the caller, ending this frame.";
    SETUP_ANNOTATIONS = 85, None, 0, "( -- )", "Creates __annotations__ in the current namespace if it is missing.";
    LOAD_LOCALS = 87, None, 0, "( -- locals)", "Pushes the current namespace (a class body's dict).";
    POP_EXCEPT = 89, None, 0, "(exc_value -- )", "Ends an exception handler: restores the exception that was being handled before.";
    STORE_NAME = 90, Name, 0, "(v -- )", "Pops the top of the stack and binds it to a name in the current namespace.";
    DELETE_NAME = 91, Name, 0, "( -- )", "Deletes a name from the current namespace.";
    UNPACK_SEQUENCE = 92, Raw, 1, "(seq -- unused[oparg])", "Pops a sequence and pushes its items, last first, so the first item ends on top.";
    FOR_ITER = 93, JumpForward, 1, "(iter -- iter, next)", "Pushes the iterator's next item, or jumps past the loop when it is exhausted.";
    UNPACK_EX = 94, Raw, 0, "(seq -- unused[oparg & 0xFF], unused, unused[oparg >> 8])", "Unpacks a sequence into names with one starred target collecting a list.";
    STORE_ATTR = 95, Name, 4, "(v, owner -- )", "Pops an object and a value and sets the named attribute: owner.name = value.";
    DELETE_ATTR = 96, Name, 0, "(owner -- )", "Pops an object and deletes the named attribute: del owner.name.";
    STORE_GLOBAL = 97, Name, 0, "(v -- )", "Pops the top of the stack and binds it to a global name.";
    DELETE_GLOBAL = 98, Name, 0, "( -- )", "Deletes a global name.";
    SWAP = 99, Raw, 0, "(bottom, unused[oparg-2], top -- top, unused[oparg-2], bottom)", "Swaps the top of the stack with the item oparg places down.";
    LOAD_CONST = 100, Const, 0, "( -- value)", "Pushes a constant from co_consts.";
    LOAD_NAME = 101, Name, 0, "( -- v)", "Pushes the value of a name, looked up in locals, then globals, then builtins.";
    BUILD_TUPLE = 102, Raw, 0, "(values[oparg] -- tup)", "Pops oparg values and pushes a tuple of them.";
    BUILD_LIST = 103, Raw, 0, "(values[oparg] -- list)", "Pops oparg values and pushes a new list of them.";
    BUILD_SET = 104, Raw, 0, "(values[oparg] -- set)", "Pops oparg values and pushes a new set of them.";
    BUILD_MAP = 105, Raw, 0, "(values[oparg*2] -- map)", "Pops oparg key/value pairs and pushes a new dict of them.";
    LOAD_ATTR = 106, AttrName, 9, "(owner -- res2 if (oparg & 1), res)", "Replaces an object with its named attribute; in method form pushes the method and self for CALL.";
    COMPARE_OP = 107, Compare, 1, "(left, right -- res)", "Pops two values and pushes the result of comparing them.";
    IMPORT_NAME = 108, Name, 0, "(level, fromlist -- res)", "Imports the named module and pushes it.";
    IMPORT_FROM = 109, Name, 0, "(from -- from, res)", "Pushes the named attribute of the module on top of the stack (from m import name).";
    JUMP_FORWARD = 110, JumpForward, 0, "( -- )", "Jumps forward unconditionally.";
    POP_JUMP_IF_FALSE = 114, JumpForward, 0, "(cond -- )", "Pops the top of the stack and jumps if it is false.";
    POP_JUMP_IF_TRUE = 115, JumpForward, 0, "(cond -- )", "Pops the top of the stack and jumps if it is true.";
    LOAD_GLOBAL = 116, GlobalName, 4, "( -- null if (oparg & 1), v)", "Pushes a global (or builtin) by name, with a NULL before it when a call follows.";
    IS_OP = 117, Raw, 0, "(left, right -- b)", "Pops two values and pushes whether they are the same object (is, or is not when oparg is 1).";
    CONTAINS_OP = 118, Raw, 0, "(left, right -- b)", "Pops a container and a value and pushes whether the value is in it (in, or not in when oparg is 1).";
    RERAISE = 119, Raw, 0, "(values[oparg], exc -- values[oparg])", "Re-raises the exception on top of the stack.";
    COPY = 120, Raw, 0, "(bottom, unused[oparg-1] -- bottom, unused[oparg-1], top)", "Pushes a copy of the item oparg places down (COPY 1 duplicates the top).";
    RETURN_CONST = 121, Const, 0, "( -- )", "Returns a constant from co_consts to the caller, ending this frame.";
    BINARY_OP = 122, BinaryOp, 1, "(lhs, rhs -- res)", "Pops two operands and pushes the result of the binary operator.";
    SEND = 123, JumpForward, 1, "(receiver, v -- receiver, retval)", "Sends a value into a sub-iterator for yield from / await; jumps when it is finished.";
    LOAD_FAST = 124, Local, 0, "( -- value)", "Pushes a local variable of the current frame.";
    STORE_FAST = 125, Local, 0, "(value -- )", "Pops the top of the stack into a local variable.";
    DELETE_FAST = 126, Local, 0, "( -- )", "Deletes a local variable.";
    LOAD_FAST_CHECK = 127, Local, 0, "( -- value)", "Pushes a local variable, raising UnboundLocalError if it has no value yet.";
    POP_JUMP_IF_NOT_NONE = 128, JumpForward, 0, "(value -- )", "Pops the top of the stack and jumps if it is not None.";
    POP_JUMP_IF_NONE = 129, JumpForward, 0, "(value -- )", "Pops the top of the stack and jumps if it is None.";
    RAISE_VARARGS = 130, Raw, 0, "(args[oparg] -- )", "Raises an exception: re-raise (0), raise exc (1), or raise exc from cause (2).";
    GET_AWAITABLE = 131, Raw, 0, "(iterable -- iter)", "Replaces the top of the stack with the iterator of an awaitable.";
    MAKE_FUNCTION = 132, MakeFunction, 0, "(defaults, kwdefaults, annotations, closure, codeobj -- func)", "Pops a code object (and the parts the flags name) and pushes a new function.";
    BUILD_SLICE = 133, Raw, 0, "(start, stop, step if (oparg == 3) -- slice)", "Pops 2 or 3 values and pushes slice(start, stop[, step]).";
    JUMP_BACKWARD_NO_INTERRUPT = 134, JumpBackward, 0, "( -- )", "Jumps backward without checking for interrupts.";
    MAKE_CELL = 135, Free, 0, "( -- )", "Wraps a local variable in a cell so inner functions can share it.";
    LOAD_CLOSURE = 136, Free, 0, "( -- value)", "Pushes the cell of a variable, to build an inner function's closure.";
    LOAD_DEREF = 137, Free, 0, "( -- value)", "Pushes the value held in a cell or free variable.";
    STORE_DEREF = 138, Free, 0, "(v -- )", "Pops the top of the stack into a cell or free variable.";
    DELETE_DEREF = 139, Free, 0, "( -- )", "Empties a cell or free variable.";
    JUMP_BACKWARD = 140, JumpBackward, 0, "( -- )", "Jumps backward unconditionally: the end of a loop's body.";
    LOAD_SUPER_ATTR = 141, SuperAttrName, 1, "(global_super, class, self -- res2 if (oparg & 1), res)", "Looks an attribute up through super().";
    CALL_FUNCTION_EX = 142, Raw, 0, "(func, unused, callargs, kwargs if (oparg & 1) -- result)", "Calls a function with a tuple of positional arguments (and a dict of keywords): f(*args, **kwargs).";
    LOAD_FAST_AND_CLEAR = 143, Local, 0, "( -- value)", "Pushes a local (or NULL) and clears it, saving it around an inlined comprehension.";
    EXTENDED_ARG = 144, Raw, 0, "( -- )", "Prefix: its oparg becomes the high byte of the next instruction's argument.";
    LIST_APPEND = 145, Raw, 0, "(list, unused[oparg-1], v -- list, unused[oparg-1])", "Pops a value and appends it to the list oparg places down (comprehensions).";
    SET_ADD = 146, Raw, 0, "(set, unused[oparg-1], v -- set, unused[oparg-1])", "Pops a value and adds it to the set oparg places down (comprehensions).";
    MAP_ADD = 147, Raw, 0, "(key, value -- )", "Pops a key and a value and stores them in the dict oparg places down (comprehensions).";
    COPY_FREE_VARS = 149, Raw, 0, "( -- )", "Copies the closure's cells into the frame's free variables.";
    YIELD_VALUE = 150, Raw, 0, "(retval -- unused)", "Suspends the generator and hands the top of the stack to its caller.";
    RESUME = 151, Raw, 0, "( -- )", "Marks the start of a frame's code or a resumption after a yield (a no-op here).";
    MATCH_CLASS = 152, Raw, 0, "(subject, type, names -- attrs)", "Matches a subject against a class pattern and pushes the extracted attributes or None.";
    FORMAT_VALUE = 155, FormatValue, 0, "(value, fmt_spec if ((oparg & FVS_MASK) == FVS_HAVE_SPEC) -- result)", "Formats a value for an f-string (with a conversion and a format spec).";
    BUILD_CONST_KEY_MAP = 156, Raw, 0, "(values[oparg], keys -- map)", "Pops a tuple of keys and oparg values and pushes a dict of them.";
    BUILD_STRING = 157, Raw, 0, "(pieces[oparg] -- str)", "Pops oparg strings and pushes their concatenation.";
    LIST_EXTEND = 162, Raw, 0, "(list, unused[oparg-1], iterable -- list, unused[oparg-1])", "Pops an iterable and extends the list oparg places down with it.";
    SET_UPDATE = 163, Raw, 0, "(set, unused[oparg-1], iterable -- set, unused[oparg-1])", "Pops an iterable and adds its items to the set oparg places down.";
    DICT_MERGE = 164, Raw, 0, "(update -- )", "Pops a mapping and merges it into the keyword dict below, rejecting duplicate keys.";
    DICT_UPDATE = 165, Raw, 0, "(update -- )", "Pops a mapping and updates the dict oparg places down with it.";
    CALL = 171, Raw, 3, "(method, self_or_null, args[oparg] -- res)", "Calls a callable with oparg arguments (the last KW_NAMES of them by keyword) and pushes the result.";
    KW_NAMES = 172, Const, 0, "( -- )", "Records which of the next CALL's arguments are passed by keyword.";
    CALL_INTRINSIC_1 = 173, Intrinsic1, 0, "(value -- res)", "Applies an interpreter-internal function to the top of the stack.";
    CALL_INTRINSIC_2 = 174, Intrinsic2, 0, "(value2, value1 -- res)", "Applies an interpreter-internal function to the top two stack items.";
    LOAD_FROM_DICT_OR_GLOBALS = 175, Name, 0, "(mod_or_class_dict -- v)", "Looks a name up in the mapping on the stack, then globals, then builtins.";
    LOAD_FROM_DICT_OR_DEREF = 176, Free, 0, "(class_dict -- value)", "Looks a name up in the class dict on the stack, then in a cell.";
}

/// The comparison names COMPARE_OP's `arg >> 4` indexes (`dis.cmp_op`).
pub const CMP_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// The operators BINARY_OP's arg indexes (`opcode._nb_ops`), as `dis` prints them.
pub const BINARY_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// `opcode._intrinsic_1_descs`.
pub const INTRINSIC_1: [&str; 12] = [
    "INTRINSIC_1_INVALID",
    "INTRINSIC_PRINT",
    "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR",
    "INTRINSIC_ASYNC_GEN_WRAP",
    "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE",
    "INTRINSIC_TYPEVAR",
    "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE",
    "INTRINSIC_SUBSCRIPT_GENERIC",
    "INTRINSIC_TYPEALIAS",
];

/// `opcode._intrinsic_2_descs`.
pub const INTRINSIC_2: [&str; 5] = [
    "INTRINSIC_2_INVALID",
    "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
];

/// FORMAT_VALUE conversions in bits 0-1 of its arg, as `dis` prints them.
pub const FORMAT_CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];

/// MAKE_FUNCTION flag names for bits 0..4, as `dis` prints them.
pub const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

impl Opcode {
    /// Whether the instruction uses its oparg (CPython's `HAVE_ARGUMENT` split).
    pub fn has_arg(self) -> bool {
        self.arg_kind() != ArgKind::None
    }

    /// Net change of the stack depth when the instruction executes with `oparg`;
    /// `jump` selects the branch-taken effect for instructions that jump.
    /// Mirrors the metadata CPython 3.12 generates from `bytecodes.c`, which
    /// the compiler uses to compute `co_stacksize`.
    pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
        use Opcode::*;
        let n = oparg as i32;
        let _ = jump; // every real 3.12 instruction has the same effect on both branches
        match self {
            CACHE | NOP | RESERVED | EXTENDED_ARG | RESUME | COPY_FREE_VARS | MAKE_CELL => 0,
            UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT | GET_ITER | GET_YIELD_FROM_ITER => 0,
            GET_AITER | GET_AWAITABLE | RETURN_GENERATOR | SETUP_ANNOTATIONS => 0,
            CHECK_EXC_MATCH | CHECK_EG_MATCH | SWAP | JUMP_FORWARD | JUMP_BACKWARD => 0,
            JUMP_BACKWARD_NO_INTERRUPT | DELETE_NAME | DELETE_GLOBAL | DELETE_FAST => 0,
            DELETE_DEREF | KW_NAMES | CALL_INTRINSIC_1 | LOAD_FROM_DICT_OR_GLOBALS => 0,
            LOAD_FROM_DICT_OR_DEREF | YIELD_VALUE | SEND | RETURN_CONST => 0,
            POP_TOP | END_SEND | INTERPRETER_EXIT | RETURN_VALUE | POP_EXCEPT => -1,
            STORE_NAME | STORE_GLOBAL | STORE_FAST | STORE_DEREF | DELETE_ATTR => -1,
            BINARY_SUBSCR | COMPARE_OP | BINARY_OP | IS_OP | CONTAINS_OP => -1,
            POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => -1,
            IMPORT_NAME | RERAISE | LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE => -1,
            DICT_MERGE | DICT_UPDATE | CALL_INTRINSIC_2 | CLEANUP_THROW => -1,
            END_FOR | BINARY_SLICE | DELETE_SUBSCR | STORE_ATTR | MAP_ADD | END_ASYNC_FOR => -2,
            MATCH_CLASS => -2,
            STORE_SUBSCR => -3,
            STORE_SLICE => -4,
            PUSH_NULL | GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS => 1,
            PUSH_EXC_INFO | WITH_EXCEPT_START | GET_ANEXT | BEFORE_ASYNC_WITH | BEFORE_WITH => 1,
            LOAD_BUILD_CLASS | LOAD_ASSERTION_ERROR | LOAD_LOCALS | FOR_ITER | LOAD_CONST => 1,
            LOAD_NAME | IMPORT_FROM | COPY | LOAD_FAST | LOAD_FAST_CHECK => 1,
            LOAD_FAST_AND_CLEAR | LOAD_CLOSURE | LOAD_DEREF => 1,
            UNPACK_SEQUENCE => n - 1,
            UNPACK_EX => (n & 0xFF) + (n >> 8),
            BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - n,
            BUILD_MAP => 1 - 2 * n,
            BUILD_CONST_KEY_MAP => -n,
            BUILD_SLICE => -1 - (n == 3) as i32,
            LOAD_ATTR => n & 1,
            LOAD_GLOBAL => 1 + (n & 1),
            LOAD_SUPER_ATTR => -2 + (n & 1),
            RAISE_VARARGS => -n,
            MAKE_FUNCTION => -((n & 0xF).count_ones() as i32),
            CALL_FUNCTION_EX => -2 - (n & 1),
            CALL => -1 - n,
            FORMAT_VALUE => -(((n & 0x4) != 0) as i32),
        }
    }

    /// The jump target (a byte offset) of a jump at `offset` with argument `arg`.
    pub fn jump_target(self, offset: usize, arg: u32) -> Option<usize> {
        let next = offset + 2 + 2 * self.cache_entries();
        match self.arg_kind() {
            ArgKind::JumpForward => Some(next + 2 * arg as usize),
            ArgKind::JumpBackward => next.checked_sub(2 * arg as usize),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_byte(op as u8), Some(op));
            assert_eq!(Opcode::from_name(op.name()), Some(op));
        }
        assert_eq!(Opcode::from_byte(6), None);
    }

    #[test]
    fn cache_counts_are_cpythons() {
        assert_eq!(Opcode::LOAD_ATTR.cache_entries(), 9);
        assert_eq!(Opcode::LOAD_GLOBAL.cache_entries(), 4);
        assert_eq!(Opcode::CALL.cache_entries(), 3);
        assert_eq!(Opcode::BINARY_OP.cache_entries(), 1);
        assert_eq!(Opcode::LOAD_FAST.cache_entries(), 0);
    }

    #[test]
    fn jump_targets() {
        // FOR_ITER at 10 with one cache entry: next instruction at 14.
        assert_eq!(Opcode::FOR_ITER.jump_target(10, 3), Some(20));
        assert_eq!(Opcode::JUMP_BACKWARD.jump_target(30, 10), Some(12));
        assert_eq!(Opcode::LOAD_FAST.jump_target(30, 10), None);
    }
}
