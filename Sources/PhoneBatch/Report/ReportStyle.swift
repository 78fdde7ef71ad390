/// The report's stylesheet, inline so the page needs nothing else: the system's own fonts,
/// a light page that prints as it shows, cards that do not split across printed pages.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f5f6f8; color: #24292f;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
            "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 28px 32px 32px; }
        h1 { font-size: 26px; margin: 2px 0 14px; overflow-wrap: anywhere; }
        h2 { font-size: 17px; margin: 0 0 4px; }
        .kicker { margin: 0; color: #57606a; font-size: 12px; letter-spacing: .08em; text-transform: uppercase; }
        .facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 3px 16px; margin: 0; }
        .facts dt { color: #57606a; }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .facts dd.wide { grid-column: span 3; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
        .tiles { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 12px; margin: 22px 0 16px; }
        .tile, .card { background: #fff; border: 1px solid #d8dee4; border-radius: 8px; }
        .tile { padding: 10px 14px 12px; }
        .tile .label { color: #57606a; font-size: 12px; letter-spacing: .04em; text-transform: uppercase; }
        .tile .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        .tile .sum { display: block; white-space: nowrap; }
        .tile .several { font-size: 17px; }
        .tile .unit { font-size: 14px; font-weight: 600; color: #57606a; }
        .tile .hint { color: #57606a; font-size: 12px; }
        .card { padding: 16px 20px 18px; margin: 14px 0; break-inside: avoid; }
        .lede { margin: 0 0 10px; color: #57606a; }
        .pair { display: grid; grid-template-columns: minmax(0, 560px) minmax(0, 1fr); gap: 28px; align-items: start; }
        svg { display: block; max-width: 100%; height: auto; }
        figure { margin: 8px 0 0; }
        figcaption { color: #57606a; font-size: 13px; margin-top: 6px; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { padding: 3px 10px; border-bottom: 1px solid #e6e9ec; text-align: left; vertical-align: top; }
        th { color: #57606a; font-weight: 600; font-size: 12px; }
        .num { text-align: right; white-space: nowrap; }
        tr.total td { font-weight: 600; border-top: 2px solid #c9d1d9; border-bottom: none; }
        table.cost { min-width: 60%; }
        .note { color: #57606a; font-style: italic; }
        p.note { margin: 6px 0 0; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 7px; }
        details { margin-top: 12px; }
        summary { cursor: pointer; color: #57606a; }
        details table { margin-top: 8px; }
        footer { color: #57606a; font-size: 12px; margin-top: 18px; }
        @media (max-width: 900px) {
          .pair { grid-template-columns: minmax(0, 1fr); }
          .tiles { grid-template-columns: repeat(3, minmax(0, 1fr)); }
          .facts { grid-template-columns: max-content 1fr; }
          .facts dd.wide { grid-column: auto; }
        }
        @media print {
          body { background: #fff; }
          main { max-width: none; padding: 0; }
          .tile, .card { border-color: #bbb; }
          * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
