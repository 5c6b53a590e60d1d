import { describe, expect, it } from 'vitest';
import { parseXml, textAt } from '../../../electron/core/datasets/xml';

describe('the small XML reader', () => {
  it('reads elements, attributes, entities, CDATA and comments', () => {
    const root = parseXml(
      '\ufeff<?xml version="1.0"?>\n<!-- made by hand -->\n<annotation verified="yes">' +
        "<name a='1 > 0'>R&amp;D &lt;1&gt; &#65;&#x42;</name><note><![CDATA[<raw & text>]]></note><empty/></annotation>",
    );
    expect(root.name).toBe('annotation');
    expect(textAt(root, 'name')).toBe('R&D <1> AB');
    expect(textAt(root, 'note')).toBe('<raw & text>');
    expect(textAt(root, 'empty')).toBe('');
    expect(textAt(root, 'missing/deeper')).toBeUndefined();
  });

  it.each([
    ['<a><b></a>', 'line 1: expected </b>, found </a>'],
    ['<a>\n<b>\n</b>', 'line 3: <a> (line 1) is not closed'],
    ['<a>x &nbsp; y</a>', 'line 1: unknown entity &nbsp;'],
    ['<a>fish & chips</a>', 'line 1: a bare "&" (write &amp;)'],
    ['<a/><b/>', 'line 1: a second root element <b>'],
    ['<!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>', 'a DOCTYPE with an internal subset is not supported'],
    ['', 'line 1: no root element'],
    ['text', 'line 1: text outside the root element'],
  ])('refuses %j with a clear reason', (text, reason) => {
    expect(() => parseXml(text)).toThrow(reason);
  });
});
