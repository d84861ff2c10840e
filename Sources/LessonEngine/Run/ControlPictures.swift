/// Makes the control characters a program prints visible, so that they neither act on the
/// terminal (an escape sequence that clears the screen or recolours it) nor vanish in the page.
///
/// Every C0 control character but line feed and tab, and DEL, becomes its Unicode control
/// picture (U+2400 + code, DEL U+2421): ESC is shown as `␛`, NUL as `␀`, carriage return as
/// `␍`. The engine applies it to everything a block prints, before the terminal, the page, the
/// cache or a comparison sees it, and to expected outputs before comparing, so an expected output
/// may hold either the picture or the raw character and means the same.
enum ControlPictures {
    /// `text` with its control characters replaced by their pictures.
    static func visible(_ text: String) -> String {
        guard text.utf8.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80, isControl(UInt8(scalar.value)) {
                result.append(picture(of: UInt8(scalar.value)))
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// True for the bytes shown as pictures.
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F
    }

    private static func picture(of byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(byte == 0x7F ? 0x2421 : 0x2400 + UInt32(byte))!
    }
}
