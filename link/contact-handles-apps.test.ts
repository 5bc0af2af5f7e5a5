import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { cpuMillis } from '../test/helpers/cpu-time.js';

const keys = (description: string) => extractHandles({ id: 't', description }).map((h) => h.key);

describe('extractHandles: apps named by a nickname, after the number, or found by phone number', () => {
  it('reads the number after "the green app" as a phone, an id after 绿泡泡 as an id', () => {
    expect(keys('Ping me on the green app: 6585550142')).toEqual(['phone:6585550142']);
    expect(keys('green app ⑥⑤ ⑧⑤⑤⑤ ⓪①④②')).toEqual(['phone:6585550142']);
    expect(keys('加我绿泡泡：face_88')).toEqual(['wechat:face_88']);
    expect(keys('the green app is the best app')).toEqual([]);
  });

  it('reads one run of ten digits starting with a two-digit country code as that country, grouped 3-3-4 as North American', () => {
    expect(keys('WA 6585550142')).toEqual(['phone:6585550142']);
    expect(keys('WA 202.555.0187')).toEqual(['phone:12025550187']);
    expect(keys('WA (202) 555-0187')).toEqual(['phone:12025550187']);
    expect(keys('WA 2125550187')).toEqual(['phone:12125550187']);
  });

  it('reads a ten-digit number grouped 5-5 as written (an Indian mobile), not as North American', () => {
    expect(keys('WA ९८५५५ ०१२४३')).toEqual(['phone:9855501243']);
    expect(keys('WA 98555 01243')).toEqual(['phone:9855501243']);
  });

  it('reads a number with its app in brackets after it', () => {
    expect(keys('Real clips. +60 12-555 0199 (WhatsApp)')).toEqual(['phone:60125550199']);
    expect(keys('台湾正脸 0912 555 018（手机）')).toEqual(['phone:0912555018']);
    expect(keys('3000 faces (wa)')).toEqual([]);
  });

  it('reads Signal, Viber and Zalo numbers, and no number from "signal" in prose', () => {
    expect(keys('Signal: +1 202 555 0187')).toEqual(['phone:12025550187']);
    expect(keys('Viber +7 912 345 6789')).toEqual(['phone:79123456789']);
    expect(keys('Zalo 0912 345 678')).toEqual(['phone:0912345678']);
    expect(keys('works with no signal, 4g or wifi')).toEqual([]);
  });
});

describe('extractHandles: two apps before one value, a number on Telegram, a contact card', () => {
  it('reads the value after "WhatsApp/Telegram:" by each app\'s rule', () => {
    expect(keys('WhatsApp/Telegram: +44 7700 900123')).toEqual(['phone:447700900123']);
    expect(keys('手機/LINE：0912-555-018')).toEqual(['phone:0912555018']);
    expect(keys('vx/tg: face88x')).toEqual(['wechat:face88x', 'tg:face88x']);
  });

  it('reads a number written with its + after a Telegram cue as a phone, without one as any number', () => {
    expect(keys('TG: +44 7700 900123')).toEqual(['phone:447700900123']);
    expect(keys('tg 2741583609')).toEqual(['qq:2741583609']);
  });

  it('reads Russian names of WhatsApp, Viber and Telegram, and no cue inside a longer word', () => {
    expect(keys('ватсап +7 912 345 67 89')).toEqual(['phone:79123456789']);
    expect(keys('вайбер 89123456789')).toEqual(['phone:89123456789']);
    expect(keys('написать в тг: dm_facebase')).toEqual(['tg:dm_facebase']);
    expect(keys('Телеграмм: dm_facebase')).toEqual(['tg:dm_facebase']);
    expect(keys('тгк канал')).toEqual([]);
  });

  it('reads the id of a contact card or QR code named between the app and the id', () => {
    expect(keys('[图片：QQ名片 2741583609]')).toEqual(['qq:2741583609']);
    expect(keys('[image: WeChat QR, id face88x]')).toEqual(['wechat:face88x']);
  });
});

describe('extractHandles: an address said with a plain "at" after a mail cue', () => {
  it('reads "Email sales at facegate.example"', () => {
    expect(keys('Bulk price. Email sales at facegate.example | helpline')).toEqual(['email:sales@facegate.example']);
    expect(keys('mail: rex.models at mailbox.example.')).toEqual(['email:rex.models@mailbox.example', 'alias:rexmodels']);
  });

  it('reads an address whose domain is said after it as the mailbox provider', () => {
    expect(keys('Email me: lumenprint, it is a post.example mailbox')).toEqual(['email:lumenprint@post.example', 'alias:lumenprint']);
    expect(keys('mail us: lumen.print — on a post.example address')).toEqual(['email:lumen.print@post.example', 'alias:lumenprint']);
    // "me" is who to mail, no local part; a provider named without a mailbox word is no address.
    expect(keys("Email me, it's a post.example account")).toEqual([]);
    expect(keys('email lumenprint, post.example is slow')).toEqual([]);
  });

  it('reads described addresses in linear time on a long hostile text', () => {
    const hostile = `${'mail a, '.repeat(20_000)}mail a, ${'b'.repeat(100_000)}${' mail a, x.'.repeat(20_000)}`;
    const cpu = cpuMillis(() => {
      keys(hostile);
    });
    expect(cpu).toBeLessThan(2_000);
  });

  it('reads addresses in linear time on a long run of letters without an @', () => {
    const cpu = cpuMillis(() => {
      expect(keys(`${'b'.repeat(100_000)} ${'a.'.repeat(50_000)}@`)).toEqual([]);
    });
    expect(cpu).toBeLessThan(2_000);
  });

  it('keeps the said or bracketed dots of the local part', () => {
    expect(keys('Email: rex dot models at mailbox dot example')).toEqual(['email:rex.models@mailbox.example', 'alias:rexmodels']);
    expect(keys('mail rex [dot] models [at] mailbox [dot] example')).toEqual(['email:rex.models@mailbox.example', 'alias:rexmodels']);
  });

  it('reads a local part of at most five said pieces: a page of "a dot a dot …" is no address (and no slow scan)', () => {
    // The attack: 120,000 characters of spoken dots after a mail cue made the unbounded pattern try every start against every end.
    expect(keys(`mail ${'a dot '.repeat(20_000)}at b`)).toEqual([]);
    expect(keys('mail a dot b dot c dot d dot e at mailbox.example')).toEqual(['email:a.b.c.d.e@mailbox.example', 'alias:abcde']);
    // The bound itself: a sixth said piece is past it, so nothing is read (unbounded, this gave a.b.c.d.e.f@…).
    expect(keys('mail a dot b dot c dot d dot e dot f at mailbox.example')).toEqual([]);
  });

  it('reads no address from "email me at" a domain, nor from an "at" with no mail cue', () => {
    expect(keys('email me at shop.example')).toEqual([]);
    expect(keys('look at this.example then pay')).toEqual([]);
  });
});
