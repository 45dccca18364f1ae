import { describe, expect, it } from "vitest";
import {
  appendToBody,
  decodeAttribute,
  findLinks,
  replaceLinks,
} from "@/lib/email/tracking/html-links";

/** Each replaced link becomes `T<index>`, so a test sees which hrefs were taken and in what order. */
const mark = (html: string, keep?: (url: string) => boolean) =>
  replaceLinks(html, (_url, index) => `T${index}`, keep);

describe("the links of an email's HTML", () => {
  it("takes http(s) hrefs of <a> tags in order, as a browser reads them", () => {
    const html =
      '<p><a href="https://example.com/a?x=1&amp;y=2">A</a> <A class="b" HREF=\'http://example.com/b\'>B</A>' +
      ' <a href=https://example.com/c>C</a> <a href=" https://example.com/d ">D</a></p>';
    expect(findLinks(html)).toEqual([
      "https://example.com/a?x=1&y=2",
      "http://example.com/b",
      "https://example.com/c",
      "https://example.com/d",
    ]);
    expect(mark(html)).toBe(
      '<p><a href="T0">A</a> <A class="b" HREF="T1">B</A> <a href="T2">C</a> <a href="T3">D</a></p>',
    );
  });

  it("leaves mailto:, tel:, anchors, relative links, other tags and attributes byte for byte", () => {
    const html =
      '<a href="mailto:a@b.test">m</a><a href="tel:+421">t</a><a href="#top">#</a><a href="/account">r</a>' +
      '<link href="https://example.com/style.css"><img src="https://example.com/i.png">' +
      '<a name="x">no href</a><a href="javascript:alert(1)">j</a><a href="">empty</a>';
    expect(findLinks(html)).toEqual([]);
    expect(mark(html)).toBe(html);
  });

  it("is not fooled by quoted attribute values, comments, scripts or styles", () => {
    const html =
      '<a title="x > href=https://evil.test" data-x=\'href="https://evil.test"\' href="https://ok.test/1">1</a>' +
      '<!-- <a href="https://comment.test">c</a> -->' +
      '<script>var s = \'<a href="https://script.test">\';</script><style>a[href="https://style.test"]{}</style>' +
      '<abbr href="https://abbr.test">not a link</abbr><a href="https://ok.test/2" href="https://second.test">2</a>';
    expect(findLinks(html)).toEqual(["https://ok.test/1", "https://ok.test/2"]);
    expect(mark(html)).toContain(`data-x='href="https://evil.test"' href="T0"`);
    expect(mark(html)).toContain('<a href="T1" href="https://second.test">');
    expect(mark(html)).toContain('<a href="https://comment.test">');
  });

  it("skips links the caller keeps direct, without using up an index", () => {
    const html =
      '<a href="https://app.test/email/unsubscribe/tok">u</a><a href="https://example.com/x">x</a>';
    const keep = (url: string) => url.startsWith("https://app.test/email/");
    expect(findLinks(html, keep)).toEqual(["https://example.com/x"]);
    expect(mark(html, keep)).toBe(
      '<a href="https://app.test/email/unsubscribe/tok">u</a><a href="T0">x</a>',
    );
  });

  it("escapes what it writes into the attribute", () => {
    expect(replaceLinks('<a href="https://a.test">a</a>', () => 'https://b.test/?q="<x>"&z')).toBe(
      '<a href="https://b.test/?q=&quot;&lt;x&gt;&quot;&amp;z">a</a>',
    );
  });

  it("decodes the character references Handlebars writes", () => {
    expect(decodeAttribute("a&#x3D;1&amp;b&#61;2&#x27;&quot;&unknown;&#0;")).toBe(
      "a=1&b=2'\"&unknown;&#0;",
    );
  });
});

describe("appendToBody", () => {
  it("puts the tag before the last </body>, or at the end", () => {
    expect(appendToBody("<html><body><p>x</p></BODY ></html>", "<img>")).toBe(
      "<html><body><p>x</p><img></BODY ></html>",
    );
    expect(appendToBody("<p>x</p>", "<img>")).toBe("<p>x</p><img>");
  });
});
