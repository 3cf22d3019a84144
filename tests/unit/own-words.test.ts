import { describe, expect, it } from 'vitest';
import { findCopiedRun, normalize, windowHashes } from '../../src/lib/own-words.ts';

describe('own-words fingerprint', () => {
  const source = '控制平面组件负责做出全局决策，比如调度，以及检测和响应集群事件。';
  const fp = windowHashes(source);
  it('normalises away spaces, punctuation and case', () => {
    expect(normalize('A b，C-d！')).toBe('abcd');
  });
  it('finds a copied run even with changed punctuation', () => {
    expect(findCopiedRun('我们说：控制平面组件 负责做出全局决策 比如调度、以及检测和响应集群事件', fp)).toBe('控制平面组件负责做出全局决策比如调度以及检测和响应集群事件');
  });
  it('lets short shared phrases and rewritten sentences pass', () => {
    expect(findCopiedRun('控制平面组件负责全局决策。', fp)).toBeNull();
    expect(findCopiedRun('调度与事件响应都由控制平面完成，它做的是全局层面的决定。', fp)).toBeNull();
  });
});
