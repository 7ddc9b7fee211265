/** How a derived right step was shown equal to the derivative, in words every report uses. */
export function derivedProof(proof: 'every-n' | 'sizes-tried' | 'numeric'): string {
  return proof === 'every-n' ? 'proved for every n' : proof === 'sizes-tried' ? 'proved at the sizes tried' : 'only verified numerically';
}
