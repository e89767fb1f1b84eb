using System.Globalization;
using System.Net;
using System.Text;
using Yusuan.Publishing.Layout;

namespace Yusuan.Publishing.Html;

/// <summary>A horizontal bar chart as inline SVG: no script, no external request; figures printed at the bar ends.</summary>
public static class SvgChart
{
    private static readonly string[] Colours = ["#2f6f9f", "#c7a250"];

    public static string Render(Chart chart)
    {
        const int labelWidth = 190, barWidth = 420, rowHeight = 22, top = 34;
        var series = chart.Series.Count;
        var height = top + chart.Categories.Count * (rowHeight * series + 8) + 30;
        var max = chart.Series.SelectMany(s => s.Values).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {labelWidth + barWidth + 90} {height}\" width=\"100%\" aria-label=\"{E(chart.Title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(chart.Title)}（{E(chart.Unit)}）</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"18\" font-size=\"15\" font-weight=\"bold\">{E(chart.Title)}（单位：{E(chart.Unit)}）</text>");
        var y = top;
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + rowHeight * series / 2.0 + 5:0.#}\" font-size=\"13\" text-anchor=\"end\">{E(chart.Categories[c])}</text>");
            for (var s = 0; s < series; s++)
            {
                var value = chart.Series[s].Values[c];
                var width = max == 0 ? 0 : (double)(Math.Abs(value) / max) * barWidth;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + s * rowHeight + 2}\" width=\"{width:0.#}\" height=\"{rowHeight - 4}\" fill=\"{Colours[s % Colours.Length]}\"><title>{E(chart.Series[s].Name)} {E(chart.Categories[c])}：{Figures.Format(value, 0)} {E(chart.Unit)}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6:0.#}\" y=\"{y + s * rowHeight + rowHeight - 7}\" font-size=\"12\">{Figures.Format(value, 0)}</text>");
            }

            y += rowHeight * series + 8;
        }

        if (series > 1)
        {
            for (var s = 0; s < series; s++)
            {
                var x = labelWidth + s * 110;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y + 6}\" width=\"14\" height=\"12\" fill=\"{Colours[s % Colours.Length]}\"/><text x=\"{x + 20}\" y=\"{y + 16}\" font-size=\"12\">{E(chart.Series[s].Name)}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
