//! Precompressed copies of every text-like file, so the server sends brotli or gzip without
//! compressing on each request.

use std::fmt;
use std::fs;
use std::io::Write;
use std::ops::Add;
use std::path::Path;

use anyhow::Result;

const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "wasm",
    "css",
    "json",
    "svg",
    "webmanifest",
    "ftl",
    "txt",
];

pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("in-memory compression");
    out
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("in-memory compression");
    encoder.finish().expect("in-memory compression")
}

pub fn precompress_dir(dir: &Path) -> Result<()> {
    for path in crate::build::list_files(dir)? {
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let bytes = fs::read(&path)?;
        for (ext, compressed) in [("br", brotli(&bytes)), ("gz", gzip(&bytes))] {
            // A copy that is not smaller would only cost bytes.
            if compressed.len() < bytes.len() {
                let mut name = path.clone().into_os_string();
                name.push(format!(".{ext}"));
                fs::write(name, compressed)?;
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy, Default)]
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl Sizes {
    pub fn of(bytes: &[u8]) -> Sizes {
        Sizes {
            raw: bytes.len(),
            gzip: gzip(bytes).len(),
            brotli: brotli(bytes).len(),
        }
    }
}

impl Add for Sizes {
    type Output = Sizes;
    fn add(self, other: Sizes) -> Sizes {
        Sizes {
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            brotli: self.brotli + other.brotli,
        }
    }
}

impl fmt::Display for Sizes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kb = |n: usize| n as f64 / 1024.0;
        write!(
            f,
            "{:>8.1} KB / {:>7.1} KB / {:>7.1} KB",
            kb(self.raw),
            kb(self.gzip),
            kb(self.brotli)
        )
    }
}
