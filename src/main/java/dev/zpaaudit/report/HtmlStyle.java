package dev.zpaaudit.report;

/**
 * The HTML report's style sheet, inlined so the report is one file that loads nothing. Colours are
 * from a palette told apart with the common colour-vision deficiencies, and black text has a
 * contrast of at least 5:1 on each; every status also has its own mark and, on the map and in the
 * legend, its own pattern (denied striped, partial halved, indeterminate dotted, not applicable
 * lined), so colour is never the only sign.
 */
final class HtmlStyle {
  private HtmlStyle() {}

  static final String CSS =
      """
      :root{--allowed:#009E73;--denied:#D55E00;--partial:#E69F00;--unknown:#56B4E9;\
      --na:#BBBBBB;--ink:#1a1a1a;--muted:#555;--line:#d0d0d0}
      *{box-sizing:border-box}
      body{margin:0;color:var(--ink);background:#f7f7f7;\
      font:15px/1.45 system-ui,"Segoe UI",Roboto,"DejaVu Sans","Liberation Sans",sans-serif}
      header{padding:16px 24px;background:#fff;border-bottom:6px solid var(--line)}
      header.st-pass{border-color:var(--allowed)}
      header.st-fail{border-color:var(--denied)}
      header.st-indeterminate{border-color:var(--unknown)}
      header h1{font-size:1.6em;margin:0 0 4px}
      header h1 .tag{font-size:.7em;vertical-align:middle}
      header p{margin:4px 0;color:var(--muted)}
      nav a{margin-right:14px}
      main{max-width:1240px;margin:0 auto;padding:4px 24px 32px}
      h2{border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:32px}
      h3{margin:24px 0 6px}
      a{color:#0b5394}
      code,.addrs,.where,.chips li{font-family:ui-monospace,"DejaVu Sans Mono",monospace;\
      font-size:.88em;overflow-wrap:break-word}
      table{border-collapse:collapse;width:100%;background:#fff;margin:8px 0}
      th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
      thead th{background:#ececec}
      tbody th{background:#f3f3f3;font-weight:600;white-space:nowrap}
      tbody tr:nth-child(even) td{background:#fafafa}
      details summary{cursor:pointer;color:#0b5394}
      .meta,.note{color:var(--muted);margin:2px 0}
      td.id{white-space:nowrap}
      .fix{background:#fff8e1;border-left:4px solid var(--partial);padding:6px 10px}
      .data{margin:4px 0 0;display:grid;grid-template-columns:max-content 1fr;gap:0 8px;\
      font-size:.88em;color:var(--muted)}
      .data dt{font-weight:600}
      .data dd{margin:0;overflow-wrap:break-word}
      .parts{margin:4px 0 0;padding-left:18px}
      .tag{display:inline-block;padding:0 8px;border-radius:10px;font-weight:600;color:#000;\
      white-space:nowrap;border:1px solid #0005;background:var(--c,#e4e4e4)}
      .tag i,.sw,.c i,.chips i{font-style:normal}
      .st-pass,.s-allowed,.v-good{--c:var(--allowed)}
      .st-fail,.s-denied,.v-bad{--c:var(--denied)}
      .s-partial{--c:var(--partial)}
      .st-indeterminate,.s-indeterminate,.v-unknown{--c:var(--unknown)}
      .st-skipped,.s-not-applicable{--c:var(--na)}
      .tiles{display:flex;flex-wrap:wrap;gap:12px;list-style:none;padding:0;margin:12px 0}
      .tiles li{min-width:130px;padding:8px 16px;border-radius:6px;background:#fff;\
      border:1px solid var(--line);border-left:10px solid var(--c,var(--line))}
      .tiles b{display:block;font-size:2em;line-height:1.1}
      .tiles li[data-count="0"]{border-left-color:var(--line);color:var(--muted)}
      .bar{display:flex;width:180px;height:12px;border:1px solid #0004;margin-top:3px}
      .bar span,.mix span{background:var(--c)}
      .counts{display:flex;flex-wrap:wrap;gap:6px 22px;list-style:none;padding:0;margin:8px 0}
      .sw{display:inline-flex;width:24px;height:24px;align-items:center;justify-content:center;\
      border-radius:4px;border:1px solid #0004;font-weight:700;vertical-align:middle}
      .sw,.c{background-color:var(--c,#f0f0f0)}
      .sw.s-denied,.c.s-denied{background-image:repeating-linear-gradient(135deg,\
      transparent 0 5px,#ffffff80 5px 8px)}
      .sw.s-partial,.c.s-partial{background-image:linear-gradient(135deg,transparent 50%,\
      #ffffff99 50%)}
      .sw.s-indeterminate,.c.s-indeterminate{background-image:radial-gradient(circle,\
      #ffffffb0 1.6px,transparent 2.2px);background-size:7px 7px}
      .sw.s-not-applicable,.c.s-not-applicable{background-image:repeating-linear-gradient(0deg,\
      transparent 0 4px,#ffffff99 4px 6px)}
      .map{display:grid;grid-template-columns:repeat(16,1fr);gap:2px;max-width:800px;margin:10px 0}
      .c{position:relative;aspect-ratio:1;border-radius:3px;border:1px solid #0003;overflow:hidden}
      .c b{position:absolute;top:0;left:3px;font-size:10px;font-weight:400;color:#000000b0}
      .c.empty b{color:#999}
      .c i{position:absolute;left:50%;top:50%;transform:translate(-50%,-45%);width:22px;\
      height:22px;border-radius:50%;background:#ffffffd0;display:flex;align-items:center;\
      justify-content:center;font-size:15px;font-weight:700;line-height:1}
      .mix{position:absolute;left:0;right:0;bottom:0;height:7px;display:flex;\
      border-top:1px solid #fff}
      .chips{list-style:none;display:flex;flex-wrap:wrap;gap:4px;padding:0}
      .chips li{padding:1px 8px;border-radius:10px;border:1px solid #0004;background:var(--c)}
      footer{max-width:1240px;margin:0 auto;padding:8px 24px 24px;color:var(--muted)}
      @media print{body{background:#fff}details:not([open])>*:not(summary){display:none}}
      """;
}
