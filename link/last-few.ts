/**
 * `compute` with its last `size` results kept: the linker reads a listing's title and description
 * several times in turn (handle extraction, mentions, shingling), each through the same string
 * rewrite, and a four-entry list compared by identity of the string costs less than a map.
 */
export function keepingLastFew(size: number, compute: (text: string) => string): (text: string) => string {
  const inputs: string[] = [];
  const outputs: string[] = [];
  let next = 0;
  return (text) => {
    for (let k = 0; k < size; k++) if (inputs[k] === text) return outputs[k]!;
    const out = compute(text);
    inputs[next] = text;
    outputs[next] = out;
    next = (next + 1) % size;
    return out;
  };
}
