//! The disassembler: `python -m dis` text and per-instruction records.
