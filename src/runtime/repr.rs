//! Python repr() rules shared by the disassembler (constants) and the VM.
