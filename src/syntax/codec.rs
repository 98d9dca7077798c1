//! The binary model format: little-endian numbers and length-prefixed strings, nothing else.

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("damaged syntax model: {0}")]
pub struct DecodeError(pub &'static str);

/// Writes values in order.
#[derive(Default)]
pub struct Encoder(Vec<u8>);

impl Encoder {
    /// One byte.
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    /// A signed 16-bit number.
    pub fn i16(&mut self, v: i16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    /// An unsigned 32-bit number.
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    /// An unsigned 64-bit number.
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    /// A string, its byte length first.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    /// The bytes written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// Reads values in the order they were written.
pub struct Decoder<'a> {
    bytes: &'a [u8],
}

impl<'a> Decoder<'a> {
    /// Starts at the first byte.
    pub fn new(bytes: &'a [u8]) -> Decoder<'a> {
        Decoder { bytes }
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let (head, rest) = self.bytes.split_first_chunk::<N>().ok_or(DecodeError("the file ends early"))?;
        self.bytes = rest;
        Ok(*head)
    }

    /// One byte.
    pub fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take::<1>()?[0])
    }
    /// A signed 16-bit number.
    pub fn i16(&mut self) -> Result<i16, DecodeError> {
        Ok(i16::from_le_bytes(self.take()?))
    }
    /// An unsigned 32-bit number.
    pub fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_le_bytes(self.take()?))
    }
    /// An unsigned 64-bit number.
    pub fn u64(&mut self) -> Result<u64, DecodeError> {
        Ok(u64::from_le_bytes(self.take()?))
    }
    /// A string.
    pub fn str(&mut self) -> Result<&'a str, DecodeError> {
        let len = self.u32()? as usize;
        if len > self.bytes.len() {
            return Err(DecodeError("a string runs past the end"));
        }
        let (s, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        std::str::from_utf8(s).map_err(|_| DecodeError("a string is not UTF-8"))
    }
    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len()
    }

    /// Fails unless every byte was read.
    pub fn finish(self) -> Result<(), DecodeError> {
        if self.bytes.is_empty() { Ok(()) } else { Err(DecodeError("bytes left after the model")) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_truncation_is_an_error() {
        let mut e = Encoder::default();
        e.u8(7);
        e.i16(-300);
        e.u64(1 << 40);
        e.str("Straße");
        let b = e.into_bytes();
        let mut d = Decoder::new(&b);
        assert_eq!((d.u8(), d.i16(), d.u64(), d.str()), (Ok(7), Ok(-300), Ok(1 << 40), Ok("Straße")));
        assert!(d.finish().is_ok());
        assert!(Decoder::new(&b[..5]).u64().is_err());
    }
}
