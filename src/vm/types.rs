//! The builtin classes: every builtin type and exception class is a real
//! `Class` object on the heap, created when the VM starts, so `type(x)`,
//! `isinstance`, `except ValueError` and subclassing all work the same way
//! for builtin and user-defined classes.

macro_rules! builtin_types {
    ($( $id:ident = $name:literal : $base:ident; )*) => {
        /// A builtin class; the discriminant indexes `Vm::types`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum TypeId { $( $id, )* }

        impl TypeId {
            pub const ALL: &'static [TypeId] = &[ $( TypeId::$id, )* ];

            pub fn name(self) -> &'static str {
                match self { $( TypeId::$id => $name, )* }
            }

            /// The builtin base class (`object` is its own base here).
            pub fn base(self) -> TypeId {
                match self { $( TypeId::$id => TypeId::$base, )* }
            }
        }
    };
}

builtin_types! {
    Object = "object": Object;
    Type = "type": Object;
    Int = "int": Object;
    Bool = "bool": Int;
    Float = "float": Object;
    Complex = "complex": Object;
    Str = "str": Object;
    Bytes = "bytes": Object;
    ByteArray = "bytearray": Object;
    List = "list": Object;
    Tuple = "tuple": Object;
    Dict = "dict": Object;
    DefaultDict = "defaultdict": Dict;
    Deque = "deque": Object;
    LruCacheWrapper = "_lru_cache_wrapper": Object;
    Counter = "Counter": Dict;
    Set = "set": Object;
    FrozenSet = "frozenset": Object;
    NoneType = "NoneType": Object;
    NotImplementedType = "NotImplementedType": Object;
    Ellipsis = "ellipsis": Object;
    Function = "function": Object;
    BuiltinFunction = "builtin_function_or_method": Object;
    Method = "method": Object;
    Range = "range": Object;
    Slice = "slice": Object;
    Code = "code": Object;
    Cell = "cell": Object;
    Generator = "generator": Object;
    StaticMethod = "staticmethod": Object;
    ClassMethod = "classmethod": Object;
    Property = "property": Object;
    Super = "super": Object;
    Module = "module": Object;
    ListIterator = "list_iterator": Object;
    ListReverseIterator = "list_reverseiterator": Object;
    TupleIterator = "tuple_iterator": Object;
    RangeIterator = "range_iterator": Object;
    StrIterator = "str_ascii_iterator": Object;
    BytesIterator = "bytes_iterator": Object;
    ByteArrayIterator = "bytearray_iterator": Object;
    DictKeyIterator = "dict_keyiterator": Object;
    DictValueIterator = "dict_valueiterator": Object;
    DictItemIterator = "dict_itemiterator": Object;
    SetIterator = "set_iterator": Object;
    DictKeys = "dict_keys": Object;
    DictValues = "dict_values": Object;
    DictItems = "dict_items": Object;
    Enumerate = "enumerate": Object;
    Zip = "zip": Object;
    Map = "map": Object;
    Filter = "filter": Object;
    Reversed = "reversed": Object;
    WrapperDescriptor = "wrapper_descriptor": Object;
    MethodDescriptor = "method_descriptor": Object;
    ClassMethodDescriptor = "classmethod_descriptor": Object;
    MethodWrapper = "method-wrapper": Object;
    GenericAlias = "GenericAlias": Object;
    UnionType = "UnionType": Object;
    BaseException = "BaseException": Object;
    SystemExit = "SystemExit": BaseException;
    KeyboardInterrupt = "KeyboardInterrupt": BaseException;
    GeneratorExit = "GeneratorExit": BaseException;
    Exception = "Exception": BaseException;
    StopIteration = "StopIteration": Exception;
    ArithmeticError = "ArithmeticError": Exception;
    ZeroDivisionError = "ZeroDivisionError": ArithmeticError;
    OverflowError = "OverflowError": ArithmeticError;
    AssertionError = "AssertionError": Exception;
    AttributeError = "AttributeError": Exception;
    LookupError = "LookupError": Exception;
    IndexError = "IndexError": LookupError;
    KeyError = "KeyError": LookupError;
    NameError = "NameError": Exception;
    UnboundLocalError = "UnboundLocalError": NameError;
    RuntimeError = "RuntimeError": Exception;
    RecursionError = "RecursionError": RuntimeError;
    NotImplementedError = "NotImplementedError": RuntimeError;
    TypeError = "TypeError": Exception;
    ValueError = "ValueError": Exception;
    UnicodeError = "UnicodeError": ValueError;
    UnicodeEncodeError = "UnicodeEncodeError": UnicodeError;
    UnicodeDecodeError = "UnicodeDecodeError": UnicodeError;
    EOFError = "EOFError": Exception;
    ImportError = "ImportError": Exception;
    ModuleNotFoundError = "ModuleNotFoundError": ImportError;
    OSError = "OSError": Exception;
    MemoryError = "MemoryError": Exception;
}

impl TypeId {
    pub fn is_exception(self) -> bool {
        let mut t = self;
        loop {
            if t == TypeId::BaseException {
                return true;
            }
            if t == TypeId::Object {
                return false;
            }
            t = t.base();
        }
    }
}
