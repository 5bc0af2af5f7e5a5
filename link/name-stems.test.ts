import { describe, expect, it } from 'vitest';
import { nameStems } from './name-stems.js';
import { cpuMillis } from '../test/helpers/cpu-time.js';

describe('nameStems', () => {
  it('gives the brand a seller keeps across sites, whatever suffix each site gets', () => {
    expect(nameStems('u/quillmark_sales')).toEqual(['quillmarksales', 'quillmark']);
    expect(nameStems('QuillMark Kits')).toEqual(['quillmarkkits', 'quillmark']);
    expect(nameStems('Ｑｕｉｌｌ Ｍａｒｋ')).toEqual(['quillmark']);
    expect(nameStems('松鼠影像工作室')).toEqual(['松鼠影像']);
    expect(nameStems('松鼠影像旗舰店')).toEqual(['松鼠影像']);
  });

  it('reads camel case as words and gives the leading words joined: the brand before a region or shop word', () => {
    expect(nameStems('LumenPrintHK')).toEqual(['lumenprinthk', 'lumenprint']);
    expect(nameStems('Lumen Print Studio')).toEqual(['lumenprint', 'lumenprintstudio']);
    expect(nameStems('lumen-print-real')).toEqual(['lumenprintreal', 'lumenprint']);
    // Not when the first word is a shop or trade word, which strangers put first.
    expect(nameStems('Studio Lumen HK')).toEqual(['lumenhk']);
    expect(nameStems('Passport Docs Express')).toEqual(['docsexpress']);
  });

  it('takes time linear in a long crawled name', () => {
    const cpu = cpuMillis(() => {
      nameStems(`${'AbCd-'.repeat(40_000)}x`);
    });
    expect(cpu).toBeLessThan(500);
  });

  it('gives none for short names, honorifics and shop words, which strangers share', () => {
    expect(nameStems('王老师')).toEqual([]);
    expect(nameStems('小鹿🦌')).toEqual([]);
    expect(nameStems('Kay')).toEqual([]);
    expect(nameStems('official store')).toEqual([]);
    expect(nameStems('影像工作室')).toEqual([]);
    expect(nameStems('Studio 9')).toEqual([]);
    // A short first word is no brand alone: "Swift Pro" and "Swift Kits" are two names.
    expect(nameStems('Swift Pro')).toEqual(['swiftpro']);
    expect(nameStems('Swift Kits')).toEqual(['swiftkits']);
    expect(nameStems('Passport Docs')).toEqual([]);
    expect(nameStems('闲鱼用户')).toEqual([]);
    expect(nameStems('[deleted]')).toEqual([]);
    expect(nameStems(null)).toEqual([]);
  });
});
