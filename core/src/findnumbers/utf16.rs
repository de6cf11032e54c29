//! Byte offsets into UTF-8 text as UTF-16 code unit offsets (JavaScript string indices).

/// Converts increasing byte offsets of one text in a single pass over it.
pub(super) struct Offsets<'a> {
    text: &'a str,
    byte: usize,
    utf16: usize,
}

impl<'a> Offsets<'a> {
    pub(super) fn new(text: &'a str) -> Offsets<'a> {
        Offsets {
            text,
            byte: 0,
            utf16: 0,
        }
    }

    /// The UTF-16 offset of the byte offset `byte`, a character boundary. Offsets asked for in
    /// increasing order cost one pass in all; an earlier one is counted from the start.
    pub(super) fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.utf16 = 0;
        }
        let between = self.text.get(self.byte..byte).unwrap_or("");
        self.utf16 += if between.is_ascii() {
            between.len()
        } else {
            between.chars().map(char::len_utf16).sum()
        };
        self.byte = byte;
        self.utf16
    }
}

#[cfg(test)]
mod tests {
    use super::Offsets;

    #[test]
    fn characters_outside_the_basic_plane_count_twice() {
        // "ü" is 2 bytes and 1 unit, "😀" 4 bytes and 2 units.
        let text = "ü😀 05331";
        let mut offsets = Offsets::new(text);
        assert_eq!(offsets.at(text.find('0').unwrap()), 4);
        assert_eq!(offsets.at(text.len()), 9);
        assert_eq!(offsets.at(2), 1, "an earlier offset is counted again");
    }
}
