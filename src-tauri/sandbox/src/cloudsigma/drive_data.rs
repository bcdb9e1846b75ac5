//! Drive contents for `/drives/UUID/write[/OFFSET]` and
//! `/drives/UUID/read/OFFSET/SIZE`: sparse blocks per drive, zeros where
//! nothing was written, so big empty drives cost nothing.

use std::collections::HashMap;

const BLOCK: u64 = 1 << 20;

#[derive(Default)]
pub(super) struct DriveData {
    drives: HashMap<String, HashMap<u64, Vec<u8>>>,
}

impl DriveData {
    pub fn write(&mut self, drive: &str, offset: u64, data: &[u8]) {
        let blocks = self.drives.entry(drive.to_owned()).or_default();
        let mut at = offset;
        let mut rest = data;
        while !rest.is_empty() {
            let (index, within) = (at / BLOCK, (at % BLOCK) as usize);
            let n = rest.len().min(BLOCK as usize - within);
            let block = blocks.entry(index).or_insert_with(|| vec![0; BLOCK as usize]);
            block[within..within + n].copy_from_slice(&rest[..n]);
            at += n as u64;
            rest = &rest[n..];
        }
    }

    pub fn read(&self, drive: &str, offset: u64, size: u64) -> Vec<u8> {
        let mut out = vec![0u8; size as usize];
        let Some(blocks) = self.drives.get(drive) else {
            return out;
        };
        let mut done = 0usize;
        while done < out.len() {
            let at = offset + done as u64;
            let (index, within) = (at / BLOCK, (at % BLOCK) as usize);
            let n = (out.len() - done).min(BLOCK as usize - within);
            if let Some(block) = blocks.get(&index) {
                out[done..done + n].copy_from_slice(&block[within..within + n]);
            }
            done += n;
        }
        out
    }

    pub fn copy(&mut self, from: &str, to: &str) {
        if let Some(blocks) = self.drives.get(from).cloned() {
            self.drives.insert(to.to_owned(), blocks);
        }
    }
}

/// The doc's OFFSET and SIZE: bytes, optionally with a k/M/G/T suffix.
pub(super) fn bytes(text: &str) -> Option<u64> {
    let (digits, shift) = match text.chars().last()? {
        'k' | 'K' => (&text[..text.len() - 1], 10),
        'M' => (&text[..text.len() - 1], 20),
        'G' => (&text[..text.len() - 1], 30),
        'T' => (&text[..text.len() - 1], 40),
        _ => (text, 0),
    };
    digits.parse::<u64>().ok()?.checked_mul(1 << shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unaligned_writes_read_back_and_gaps_are_zero() {
        let mut d = DriveData::default();
        let data: Vec<u8> = (0..3 * BLOCK as usize).map(|i| (i % 251) as u8).collect();
        d.write("a", 7, &data);
        assert_eq!(d.read("a", 7, data.len() as u64), data);
        assert_eq!(d.read("a", 0, 7), vec![0; 7]);
        assert_eq!(d.read("b", 0, 3), vec![0; 3]);
        assert_eq!((bytes("4M"), bytes("1k"), bytes("12"), bytes("x")), (Some(4 << 20), Some(1024), Some(12), None));
    }
}
