/**
 * Where a bundle keeps a package it compiles on first use: beside it, named after it
 * (`<bundle>.vendor-<group>.cjs`). Read by the bundle's vendor runtime and written by the build
 * (scripts/bundle/lazy-vendors.mjs); the code cache of that file is named after it in turn.
 */
export function vendorFileName(bundleFileName: string, group: string): string {
  return `${bundleFileName}.vendor-${group}.cjs`;
}

/** True for a file {@link vendorFileName} names for this bundle (any group). */
export function isVendorFileOf(bundleFileName: string, fileName: string): boolean {
  return fileName.startsWith(`${bundleFileName}.vendor-`) && fileName.endsWith('.cjs');
}
