//! Code objects as Python sees them: a function's `__code__` and the
//! `co_*` attributes of `<code object ...>` values.

use super::Vm;
use crate::runtime::object::Object;
use crate::runtime::value::Value;
use std::rc::Rc;

impl Vm {
    /// The code object value of registered code `index`: the constant that
    /// MAKE_FUNCTION took it from (so `f.__code__ is g.__code__` holds for
    /// two functions made from the same constant), or a new one for code
    /// no constant holds (a module's).
    pub(super) fn code_object(&mut self, index: usize) -> Value {
        let held = self.codes.iter().flat_map(|entry| entry.consts.iter()).copied().find(|c| {
            matches!(c.obj().map(|id| self.heap.get(id)), Some(Object::Code(i)) if *i == index)
        });
        held.unwrap_or_else(|| Value::Obj(self.heap.alloc(Object::Code(index))))
    }

    /// `code.co_NAME`, or None when code objects have no such attribute.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn code_attr(&mut self, index: usize, name: &str) -> Option<Value> {
        let code = self.codes[index].code.clone();
        let strs = |vm: &mut Vm, names: &[Rc<str>]| {
            let items = names.iter().map(|n| vm.new_str(n)).collect();
            vm.new_tuple(items)
        };
        Some(match name {
            "co_name" => self.new_str(&code.name),
            "co_qualname" => self.new_str(&code.qualname),
            "co_filename" => self.new_str(&code.filename),
            "co_firstlineno" => Value::int(code.firstlineno.into()),
            "co_argcount" => Value::int(code.argcount.into()),
            "co_posonlyargcount" => Value::int(code.posonlyargcount.into()),
            "co_kwonlyargcount" => Value::int(code.kwonlyargcount.into()),
            "co_flags" => Value::int(code.flags.into()),
            "co_stacksize" => Value::int(code.stacksize.into()),
            "co_nlocals" => Value::int(code.varnames().len() as i64),
            "co_varnames" => strs(self, &code.varnames()),
            "co_cellvars" => strs(self, &code.cellvars()),
            "co_freevars" => strs(self, &code.freevars()),
            "co_names" => strs(self, &code.names),
            "co_consts" => {
                let consts = self.codes[index].consts.to_vec();
                self.new_tuple(consts)
            }
            "co_code" => self.bytes_object(code.code.clone()),
            _ => return None,
        })
    }
}
