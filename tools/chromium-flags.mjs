// Flags for Debian's Chromium on this project's machines (see TOOLCHAIN.md): headless as root,
// and no background connections, which the closed network would refuse by the hundred.
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
