using System.IO.Compression;
using System.Text;

namespace Yusuan.Formats.Audit;

/// <summary>What <see cref="PdfReferenceLoops.Check"/> found in one PDF.</summary>
/// <param name="Problem">
/// Why the PDF must not be given to the PDF library, in Chinese and naming the objects of the loop
/// ("PDF 的页面内容互相引用成环（第 1 页，对象 4 0 → 5 0 → 4 0），无法读取"), or null when no loop was found.
/// </param>
/// <param name="Objects">The indirect objects found: in the file and in its object streams.</param>
/// <param name="Pages">The pages found through the page tree.</param>
/// <param name="Incomplete">
/// Why the check saw less than the whole graph (a limit reached, a stream it cannot decode), or null when it saw all of it.
/// What the check did not see it does not refuse: the PDF goes to the library as it would without the check.
/// </param>
public sealed record PdfGraphCheck(string? Problem, int Objects, int Pages, string? Incomplete);

/// <summary>
/// A pre-check of a PDF's object graph before the PDF is given to PdfPig, which follows references by recursion: a page whose
/// contents refer back to themselves (an object that is only a reference to another, which is only a reference to the first),
/// or two Form XObjects that draw each other, make it recurse until the process dies of a stack overflow, which no handler
/// can catch. The check reads the file itself, without recursion: every <c>N G obj … endobj</c> is found by a linear scan
/// (the last definition of a number wins, as after an incremental update; cross-reference tables and streams are not needed),
/// object streams are inflated (FlateDecode, within <see cref="MaxDecodedBytes"/>) and their objects read; then, each with an
/// explicit stack, it walks the page tree (<c>/Kids</c>, and each node's <c>/Parent</c> chain), each page's <c>/Contents</c>,
/// and from the page's <c>/Resources</c> (its own or inherited from its ancestors) what a page's drawing runs: a Form
/// XObject drawn with <c>Do</c>, a tiling pattern painted with <c>scn</c>/<c>SCN</c>, a Type 3 font's glyph procedures
/// selected with <c>Tf</c> — each content inflated and read for those operators, with the resources it is drawn with.
/// </summary>
/// <remarks>
/// A loop is a path that comes back to an object on the same path: resources shared by many pages (one font, one image)
/// are not loops, and neither is a form whose resources list the form itself while its content does not draw it (producers
/// share one resource dictionary that way, and PdfPig reads it). The check never throws and never refuses a file for what
/// it could not read; a loop among objects that are nothing but references to one another is refused wherever it is.
/// Time and memory are linear in the file's size and bounded by <see cref="MaxObjects"/>, <see cref="MaxVisits"/> and
/// <see cref="MaxDecodedBytes"/>.
/// </remarks>
public static class PdfReferenceLoops
{
    /// <summary>Indirect objects read at most: a 1,000-page budget has some tens of thousands.</summary>
    public const int MaxObjects = 1_000_000;

    /// <summary>Steps through the graph (a reference followed, a drawing entered) at most, all pages together.</summary>
    public const int MaxVisits = 4_000_000;

    /// <summary>
    /// Drawings nested in one another at most (a form that draws a form …): budgets nest a few; PdfPig's recursion overflows a
    /// 1 MB stack at about 500, so a deeper nesting is refused as a loop is.
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>Bytes inflated at most, all object streams and drawings together: 256 MB.</summary>
    public const long MaxDecodedBytes = 256L << 20;

    /// <summary>
    /// Checks the PDF whose bytes (the whole file) are <paramref name="pdf"/>. A loop is reported as
    /// <see cref="PdfGraphCheck.Problem"/> where it is found: "PDF 的页面内容互相引用成环（第 N 页，对象 … → …），无法读取" (a page's
    /// contents or drawings), "PDF 的页面树互相引用成环（对象 …），无法读取" (/Kids or /Parent), "PDF 的对象互相引用成环（对象 …），无法读取"
    /// (objects that are only references, anywhere else), and drawings nested past <see cref="MaxNesting"/> as
    /// "PDF 的页面内容嵌套超过 64 层（第 N 页，对象 … …），无法读取". Never throws but for a null argument: a limit reached or a
    /// fault of the check itself is <see cref="PdfGraphCheck.Incomplete"/>, with no problem.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="pdf"/> is null.</exception>
    public static PdfGraphCheck Check(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var graph = new Graph(pdf);
        try
        {
            graph.Scan();
            graph.Unpack();
            graph.Walk();
            graph.Chains();
            return new PdfGraphCheck(null, graph.Count, graph.Pages, graph.Incomplete);
        }
        catch (Refusal refusal)
        {
            return new PdfGraphCheck(refusal.Message, graph.Count, graph.Pages, graph.Incomplete);
        }
        catch (Limit limit)
        {
            return new PdfGraphCheck(null, graph.Count, graph.Pages, limit.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault of the check is never the document's: the PDF goes on to the library, which reports what it finds.
            return new PdfGraphCheck(null, graph.Count, graph.Pages, $"检查出错：{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>A loop found: the document is refused with this message.</summary>
    private sealed class Refusal(string message) : Exception(message);

    /// <summary>A limit reached: the check stops and lets the document through.</summary>
    private sealed class Limit(string message) : Exception(message);

    private readonly record struct Ref(int Number, int Generation)
    {
        public override string ToString() => $"{Number} {Generation}";
    }

    /// <summary>A name, its #xx escapes decoded (bytes as Latin-1 characters).</summary>
    private sealed record Name(string Value);

    /// <summary>One indirect object: its value, where it is defined, and where its stream's data lies (streams only).</summary>
    private sealed class Entry(object? value, int position)
    {
        public object? Value { get; } = value;

        /// <summary>Its header's offset, or its object stream's: the later definition of a number wins.</summary>
        public int Position { get; } = position;

        public int DataStart { get; init; } = -1;

        public int DataEnd { get; init; }

        /// <summary>The stream's /Length where it is a reference, read once every object is known.</summary>
        public Ref? Length { get; init; }

        public bool IsStream => DataStart >= 0;
    }

    /// <summary>What a drawing uses by name: the XObjects it draws (Do), the patterns it paints (scn/SCN), the fonts it selects (Tf).</summary>
    private sealed class Used
    {
        public HashSet<string> XObjects { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Patterns { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Fonts { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A drawing entered: a form, tiling pattern or Type 3 font, with the resources its content is drawn with.</summary>
    private readonly record struct Drawing(Ref Key, Dictionary<string, object> Resources);

    private enum Place { PageTree, Content, Object }

    private enum Token { End, Integer, Number, Name, Text, OpenArray, CloseArray, OpenDictionary, CloseDictionary, Keyword }

    private enum Ending { End, EndObject, Stream, Other }

    private static readonly object Other = new();

    /// <summary>Tokens read at most, all objects together (each a small allocation): ten million, some hundreds of megabytes.</summary>
    private const long MaxValues = 10_000_000;

    /// <summary>Arrays and dictionaries open inside one another at most while reading an object; deeper ones are read as <see cref="Other"/>.</summary>
    private const int MaxDepth = 256;

    private sealed class Graph(byte[] data)
    {
        private readonly Dictionary<Ref, Entry> objects = [];
        private readonly List<(int Position, Dictionary<string, object> Dictionary)> trailers = [];
        private readonly Dictionary<Ref, Used> used = [];
        private readonly HashSet<Drawing> drawn = [];
        private readonly HashSet<Dictionary<string, object>> rooted = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<Ref> parentsChecked = [];
        private readonly HashSet<Ref> contentsSeen = [];
        private readonly List<Ref> chain = [];
        private readonly byte[] buffer = new byte[1 << 16];
        private long decoded;
        private long values;
        private int visits;
        private int page;

        public int Count => objects.Count;

        public int Pages { get; private set; }

        public string? Incomplete { get; private set; }

        /// <summary>Finds every <c>N G obj</c> and <c>trailer</c> in one pass, skipping stream data.</summary>
        public void Scan()
        {
            // The next "trailer", "obj" and "endobj" at or after the position, each searched for again only once passed (-1: none).
            // An object is read no further than the first "endobj" after its header, and a trailer no further than the next
            // object or trailer: a string or dictionary that never closes cannot hide what follows, and no byte is read twice.
            var position = 0;
            var trailer = -2;
            var header = -2;
            var endObject = -2;
            while (position < data.Length)
            {
                trailer = Next(trailer, position, "trailer"u8);
                header = Next(header, position, "obj"u8);
                if (trailer >= 0 && (header < 0 || trailer < header))
                {
                    var after = Next(-2, trailer + 7, "trailer"u8);
                    var end = Math.Min(header < 0 ? data.Length : header, after < 0 ? data.Length : after);
                    if (Read(new Lexer(data, trailer + 7, end), ref values, out _, out _) is Dictionary<string, object> dictionary)
                    {
                        trailers.Add((trailer, dictionary));
                    }

                    position = trailer + 7;
                    continue;
                }

                if (header < 0)
                {
                    break;
                }

                endObject = Next(endObject, header + 3, "endobj"u8);
                position = Header(header) is { } key ? Object(key, header, endObject < 0 ? data.Length : endObject + 6) : header + 3;
            }
        }

        /// <summary><paramref name="found"/> while it is at or after <paramref name="position"/> (or -1: none left), else the next <paramref name="word"/> from there.</summary>
        private int Next(int found, int position, ReadOnlySpan<byte> word)
        {
            if (found == -1 || found >= position)
            {
                return found;
            }

            var at = data.AsSpan(position).IndexOf(word);
            return at < 0 ? -1 : position + at;
        }

        /// <summary>The object number and generation before "obj" at <paramref name="at"/>, or null where it is not a header.</summary>
        private Ref? Header(int at)
        {
            if (at + 3 < data.Length && IsRegular(data[at + 3]))
            {
                return null;
            }

            var i = at - 1;
            if (i < 0 || !IsSpace(data[i]))
            {
                return null;
            }

            while (i >= 0 && IsSpace(data[i]))
            {
                i--;
            }

            var generation = DigitsBefore(ref i);
            if (generation is null or > 65_535 || i < 0 || !IsSpace(data[i]))
            {
                return null;
            }

            while (i >= 0 && IsSpace(data[i]))
            {
                i--;
            }

            var number = DigitsBefore(ref i);
            return number is null or > int.MaxValue || (i >= 0 && IsRegular(data[i])) ? null : new Ref((int)number, (int)generation);
        }

        /// <summary>The number whose last digit is at <paramref name="i"/> (at most ten digits), <paramref name="i"/> moved before it.</summary>
        private long? DigitsBefore(ref int i)
        {
            long value = 0;
            long scale = 1;
            var digits = 0;
            while (i >= 0 && data[i] is >= (byte)'0' and <= (byte)'9')
            {
                if (++digits > 10)
                {
                    return null;
                }

                value += (data[i] - '0') * scale;
                scale *= 10;
                i--;
            }

            return digits == 0 ? null : value;
        }

        /// <summary>Reads the object whose "obj" is at <paramref name="header"/>, its body no further than <paramref name="end"/>; returns where the scan goes on.</summary>
        private int Object(Ref key, int header, int end)
        {
            var lexer = new Lexer(data, header + 3, end);
            var value = Read(lexer, ref values, out var ending, out var resume);
            var entry = new Entry(value, header);
            if (ending == Ending.Stream && value is Dictionary<string, object> dictionary)
            {
                var start = lexer.Position;
                if (start < data.Length && data[start] == '\r')
                {
                    start++;
                }

                if (start < data.Length && data[start] == '\n')
                {
                    start++;
                }

                int dataEnd;
                if (dictionary.GetValueOrDefault("Length") is long length && length >= 0 && length <= data.Length - start && EndStreamAt(start + (int)length) is { } after)
                {
                    dataEnd = start + (int)length;
                    resume = after;
                }
                else
                {
                    var found = data.AsSpan(start).IndexOf("endstream"u8);
                    dataEnd = found < 0 ? data.Length : start + found;
                    resume = found < 0 ? data.Length : dataEnd + 9;
                    if (dataEnd > start && data[dataEnd - 1] == '\n')
                    {
                        dataEnd--;
                    }

                    if (dataEnd > start && data[dataEnd - 1] == '\r')
                    {
                        dataEnd--;
                    }
                }

                entry = new Entry(value, header) { DataStart = start, DataEnd = dataEnd, Length = dictionary.GetValueOrDefault("Length") as Ref? };
            }

            objects[key] = entry;
            if (objects.Count > MaxObjects)
            {
                throw new Limit($"对象多于 {MaxObjects} 个");
            }

            return Math.Max(resume, header + 3);
        }

        /// <summary>Where the scan goes on when "endstream" follows <paramref name="at"/> (after white space), else null.</summary>
        private int? EndStreamAt(int at)
        {
            while (at < data.Length && IsSpace(data[at]))
            {
                at++;
            }

            return data.AsSpan(at).StartsWith("endstream"u8) ? at + 9 : null;
        }

        /// <summary>Reads the objects of every object stream (/Type /ObjStm); a later definition in the file wins.</summary>
        public void Unpack()
        {
            foreach (var (key, entry) in objects.Where(o => o.Value.IsStream && Is(o.Value.Value, "Type", "ObjStm")).ToList())
            {
                var dictionary = (Dictionary<string, object>)entry.Value!;
                if (Decode(entry) is not { } bytes)
                {
                    Incomplete ??= $"对象流 {key} 无法解码";
                    continue;
                }

                if (dictionary.GetValueOrDefault("N") is not long count || count < 1 || count > MaxObjects
                    || dictionary.GetValueOrDefault("First") is not long first || first < 0 || first > bytes.Length)
                {
                    continue;
                }

                var members = new List<(int Number, int Offset)>();
                var lexer = new Lexer(bytes, 0, (int)first);
                while (members.Count < count && lexer.Next() == Token.Integer && lexer.Integer is >= 0 and <= int.MaxValue)
                {
                    var number = (int)lexer.Integer;
                    if (lexer.Next() != Token.Integer || lexer.Integer < 0 || lexer.Integer > bytes.Length - first)
                    {
                        break;
                    }

                    members.Add((number, (int)lexer.Integer));
                }

                var starts = members.Select(m => (int)first + m.Offset).Distinct().Order().ToArray();
                foreach (var (number, offset) in members)
                {
                    var start = (int)first + offset;
                    var next = Array.BinarySearch(starts, start) + 1;
                    var end = next < starts.Length ? starts[next] : bytes.Length;
                    var value = Read(new Lexer(bytes, start, end), ref values, out _, out _);
                    var member = new Ref(number, 0);
                    if (!objects.TryGetValue(member, out var existing) || existing.Position <= entry.Position)
                    {
                        objects[member] = new Entry(value, entry.Position);
                    }
                }

                if (objects.Count > MaxObjects)
                {
                    throw new Limit($"对象多于 {MaxObjects} 个");
                }
            }
        }

        /// <summary>Walks the page tree from the catalogue, and each page's contents and drawings.</summary>
        public void Walk()
        {
            if (Catalog() is not { } catalog)
            {
                return;
            }

            var (top, root) = Resolve(catalog.GetValueOrDefault("Pages"), Place.PageTree);
            if (root is not Dictionary<string, object> pages)
            {
                return;
            }

            var path = new List<(Ref? Key, List<object> Kids, int Index, object? Resources)>();
            var seen = new HashSet<Ref>();
            var on = new HashSet<Ref>();
            Enter(top, pages, null);
            while (path.Count > 0)
            {
                var (key, kids, index, resources) = path[^1];
                if (index >= kids.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    if (key is { } done)
                    {
                        on.Remove(done);
                    }

                    continue;
                }

                path[^1] = (key, kids, index + 1, resources);
                var (kid, value) = Resolve(kids[index], Place.PageTree);
                if (value is not Dictionary<string, object> child)
                {
                    continue;
                }

                if (kid is { } k)
                {
                    if (on.Contains(k))
                    {
                        var from = path.FindIndex(f => f.Key == k);
                        throw new Refusal(Loop(Place.PageTree, [.. path.Skip(from).Where(f => f.Key is not null).Select(f => f.Key!.Value), k]));
                    }

                    if (!seen.Add(k))
                    {
                        continue;
                    }
                }

                Enter(kid, child, resources);
            }

            void Enter(Ref? key, Dictionary<string, object> node, object? inherited)
            {
                Visit();
                Parents(key, node);
                var resources = node.GetValueOrDefault("Resources") ?? inherited;
                var kids = Resolve(node.GetValueOrDefault("Kids"), Place.PageTree).Value as List<object>;
                if (Is(node, "Type", "Page") || (kids is null && !Is(node, "Type", "Pages")))
                {
                    page = ++Pages;
                    Page(node, resources);
                    return;
                }

                if (kids is not null)
                {
                    if (key is { } k)
                    {
                        seen.Add(k);
                        on.Add(k);
                    }

                    path.Add((key, kids, 0, resources));
                }
            }
        }

        /// <summary>The catalogue: the /Root of the last trailer (or cross-reference stream) that names one, else the last /Type /Catalog.</summary>
        private Dictionary<string, object>? Catalog()
        {
            var last = trailers.Where(t => t.Dictionary.ContainsKey("Root")).Select(t => (t.Position, t.Dictionary))
                .Concat(objects.Values.Where(e => e.IsStream && Is(e.Value, "Type", "XRef") && ((Dictionary<string, object>)e.Value!).ContainsKey("Root"))
                    .Select(e => (e.Position, Dictionary: (Dictionary<string, object>)e.Value!)))
                .OrderBy(t => t.Position).Select(t => t.Dictionary).LastOrDefault();
            if (last is not null && Resolve(last["Root"], Place.Object).Value is Dictionary<string, object> root)
            {
                return root;
            }

            return objects.Values.Where(e => Is(e.Value, "Type", "Catalog")).OrderBy(e => e.Position).LastOrDefault()?.Value as Dictionary<string, object>;
        }

        /// <summary>A page-tree node's /Parent chain up to the root, or to a node already checked; a chain that comes back is a loop.</summary>
        private void Parents(Ref? key, Dictionary<string, object> node)
        {
            if (key is not { } start || parentsChecked.Contains(start))
            {
                return;
            }

            var up = new List<Ref> { start };
            var on = new HashSet<Ref> { start };
            var current = node;
            while (current.GetValueOrDefault("Parent") is { } parent)
            {
                var (key2, value) = Resolve(parent, Place.PageTree);
                if (key2 is not { } next || value is not Dictionary<string, object> dictionary || parentsChecked.Contains(next))
                {
                    break;
                }

                if (!on.Add(next))
                {
                    throw new Refusal(Loop(Place.PageTree, [.. up.Skip(up.IndexOf(next)), next]));
                }

                up.Add(next);
                current = dictionary;
                Visit();
            }

            parentsChecked.UnionWith(up);
        }

        /// <summary>A page: its /Contents (a stream, or an array of them), and the drawings its resources offer.</summary>
        private void Page(Dictionary<string, object> node, object? resources)
        {
            var (key, value) = Resolve(node.GetValueOrDefault("Contents"), Place.Content);
            var path = new List<(Ref? Key, List<object> Items, int Index)>();
            if (value is List<object> contents && (key is not { } k || contentsSeen.Add(k)))
            {
                path.Add((key, contents, 0));
            }

            while (path.Count > 0)
            {
                var (at, items, index) = path[^1];
                if (index >= items.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                path[^1] = (at, items, index + 1);
                var (inner, item) = Resolve(items[index], Place.Content);
                if (item is not List<object> list)
                {
                    continue;
                }

                if (inner is { } i)
                {
                    var on = path.FindIndex(f => f.Key == i);
                    if (on >= 0)
                    {
                        throw new Refusal(Loop(Place.Content, [.. path.Skip(on).Where(f => f.Key is not null).Select(f => f.Key!.Value), i]));
                    }

                    if (!contentsSeen.Add(i))
                    {
                        continue;
                    }
                }

                if (path.Count >= MaxNesting)
                {
                    throw new Refusal($"PDF 的页面内容嵌套超过 {MaxNesting} 层（第 {page} 页），无法读取");
                }

                path.Add((inner, list, 0));
            }

            if (Resolve(resources, Place.Content).Value is Dictionary<string, object> dictionary && rooted.Add(dictionary))
            {
                // Every drawing the resources offer is a start: one the page does not draw is checked too.
                foreach (var drawing in Offered(dictionary, dictionary))
                {
                    Draw(drawing);
                }
            }
        }

        /// <summary>The forms, tiling patterns and Type 3 fonts of <paramref name="resources"/>, drawn with <paramref name="context"/> where they have no resources of their own.</summary>
        private IEnumerable<Drawing> Offered(Dictionary<string, object> resources, Dictionary<string, object> context)
        {
            foreach (var category in new[] { "XObject", "Pattern", "Font" })
            {
                if (Resolve(resources.GetValueOrDefault(category), Place.Content).Value is Dictionary<string, object> entries)
                {
                    foreach (var value in entries.Values.ToList())
                    {
                        if (Drawable(category, value, context) is { } drawing)
                        {
                            yield return drawing;
                        }
                    }
                }
            }
        }

        /// <summary>The drawing <paramref name="value"/> is, in <paramref name="category"/> of resources, or null where it draws nothing (an image, a shading, a simple font).</summary>
        private Drawing? Drawable(string category, object? value, Dictionary<string, object> context)
        {
            var (key, resolved) = Resolve(value, Place.Content);
            if (key is not { } k || resolved is not Dictionary<string, object> dictionary)
            {
                return null;
            }

            var stream = objects.TryGetValue(k, out var entry) && entry.IsStream;
            var drawing = category switch
            {
                "XObject" => stream && Is(dictionary, "Subtype", "Form"),
                "Pattern" => stream && dictionary.GetValueOrDefault("PatternType") is long and 1,
                _ => Is(dictionary, "Subtype", "Type3"),
            };
            if (!drawing)
            {
                return null;
            }

            var own = Resolve(dictionary.GetValueOrDefault("Resources"), Place.Content).Value as Dictionary<string, object>;
            return new Drawing(k, own ?? context);
        }

        /// <summary>Enters <paramref name="start"/> and every drawing its content draws, depth first with an explicit stack.</summary>
        private void Draw(Drawing start)
        {
            if (drawn.Contains(start))
            {
                return;
            }

            var path = new List<(Drawing Drawing, List<Drawing> Draws, int Index)> { (start, Draws(start), 0) };
            var on = new HashSet<Drawing> { start };
            while (path.Count > 0)
            {
                var (drawing, draws, index) = path[^1];
                if (index >= draws.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    on.Remove(drawing);
                    drawn.Add(drawing);
                    continue;
                }

                path[^1] = (drawing, draws, index + 1);
                var next = draws[index];
                if (on.Contains(next))
                {
                    throw new Refusal(Loop(Place.Content, [.. path.Skip(path.FindIndex(f => f.Drawing == next)).Select(f => f.Drawing.Key), next.Key]));
                }

                if (drawn.Contains(next))
                {
                    continue;
                }

                if (path.Count >= MaxNesting)
                {
                    throw new Refusal($"PDF 的页面内容嵌套超过 {MaxNesting} 层（第 {page} 页，对象 {string.Join(" → ", path.Take(3).Select(f => f.Drawing.Key))} …），无法读取");
                }

                Visit();
                path.Add((next, Draws(next), 0));
                on.Add(next);
            }
        }

        /// <summary>What <paramref name="drawing"/>'s content draws by name through its resources.</summary>
        private List<Drawing> Draws(Drawing drawing)
        {
            var names = Uses(drawing.Key);
            var draws = new List<Drawing>();
            var resources = drawing.Resources;
            foreach (var (category, list) in new[] { ("XObject", names.XObjects), ("Pattern", names.Patterns), ("Font", names.Fonts) })
            {
                if (list.Count == 0 || Resolve(resources.GetValueOrDefault(category), Place.Content).Value is not Dictionary<string, object> entries)
                {
                    continue;
                }

                foreach (var name in list)
                {
                    if (entries.TryGetValue(name, out var value) && Drawable(category, value, resources) is { } next)
                    {
                        draws.Add(next);
                    }
                }
            }

            return draws;
        }

        /// <summary>The names a drawing's content uses (a Type 3 font's: all its glyph procedures'), read once per object.</summary>
        private Used Uses(Ref key)
        {
            if (used.TryGetValue(key, out var known))
            {
                return known;
            }

            var names = new Used();
            used[key] = names;
            if (!objects.TryGetValue(key, out var entry))
            {
                return names;
            }

            if (entry.IsStream)
            {
                Operators(Decode(entry), names);
            }
            else if (entry.Value is Dictionary<string, object> font && Resolve(font.GetValueOrDefault("CharProcs"), Place.Content).Value is Dictionary<string, object> procedures)
            {
                foreach (var procedure in procedures.Values.ToList())
                {
                    if (Resolve(procedure, Place.Content).Key is { } k && objects.TryGetValue(k, out var glyph) && glyph.IsStream)
                    {
                        Operators(Decode(glyph), names);
                    }
                }
            }

            return names;
        }

        /// <summary>Reads a content stream for <c>/Name Do</c>, <c>/Name scn</c>, <c>/Name SCN</c> and <c>/Name size Tf</c>, skipping inline images.</summary>
        private void Operators(byte[]? content, Used names)
        {
            if (content is null)
            {
                Incomplete ??= "内容流无法解码";
                return;
            }

            var lexer = new Lexer(content, 0, content.Length);
            string? last = null;
            string? before = null;
            while (true)
            {
                var token = lexer.Next();
                if (token == Token.End)
                {
                    return;
                }

                if (token == Token.Name)
                {
                    (before, last) = (last, lexer.NameText());
                    continue;
                }

                if (token == Token.Keyword)
                {
                    if (lexer.Is("Do"u8) && last is not null)
                    {
                        names.XObjects.Add(last);
                    }
                    else if ((lexer.Is("scn"u8) || lexer.Is("SCN"u8)) && last is not null)
                    {
                        names.Patterns.Add(last);
                    }
                    else if (lexer.Is("Tf"u8) && before is not null)
                    {
                        names.Fonts.Add(before);
                    }
                    else if (lexer.Is("ID"u8))
                    {
                        lexer.SkipInlineImage();
                    }

                    (before, last) = (null, null);
                    continue;
                }

                (before, last) = (last, null);
            }
        }

        /// <summary>Every loop of objects that are nothing but a reference to another object, wherever they are.</summary>
        public void Chains()
        {
            var done = new HashSet<Ref>();
            var on = new List<Ref>();
            foreach (var (start, entry) in objects)
            {
                if (entry.Value is not Ref || done.Contains(start))
                {
                    continue;
                }

                on.Clear();
                var current = start;
                while (!done.Contains(current) && objects.TryGetValue(current, out var e) && e.Value is Ref next)
                {
                    var at = on.IndexOf(current);
                    if (at >= 0)
                    {
                        throw new Refusal(Loop(Place.Object, [.. on.Skip(at), current]));
                    }

                    on.Add(current);
                    if (on.Count > 256)
                    {
                        break;
                    }

                    current = next;
                }

                done.UnionWith(on);
            }
        }

        /// <summary>
        /// Follows references from <paramref name="value"/> to a value that is not one; a reference met twice on the way is a
        /// loop (refused, its objects named as found at <paramref name="place"/>). The key is the last object followed.
        /// </summary>
        private (Ref? Key, object? Value) Resolve(object? value, Place place)
        {
            Ref? key = null;
            chain.Clear();
            while (value is Ref reference)
            {
                if (chain.Contains(reference))
                {
                    throw new Refusal(Loop(place, [.. chain.Skip(chain.IndexOf(reference)), reference]));
                }

                chain.Add(reference);
                Visit();
                if (chain.Count > 256)
                {
                    // A chain this long and not a loop: PdfPig refuses it by its own depth limit.
                    return (reference, null);
                }

                key = reference;
                value = objects.TryGetValue(reference, out var entry) ? entry.Value : null;
            }

            return (key, value);
        }

        private void Visit()
        {
            if (++visits > MaxVisits)
            {
                throw new Limit($"引用多于 {MaxVisits} 步");
            }
        }

        private string Loop(Place place, IEnumerable<Ref> cycle)
        {
            var objects = string.Join(" → ", cycle);
            return place switch
            {
                Place.PageTree => $"PDF 的页面树互相引用成环（对象 {objects}），无法读取",
                Place.Content => $"PDF 的页面内容互相引用成环（第 {page} 页，对象 {objects}），无法读取",
                _ => $"PDF 的对象互相引用成环（对象 {objects}），无法读取",
            };
        }

        /// <summary>A stream's data decoded: as is, or inflated (FlateDecode without a predictor); null for any other filter.</summary>
        private byte[]? Decode(Entry entry)
        {
            if (entry.Value is not Dictionary<string, object> dictionary)
            {
                return null;
            }

            var end = entry.DataEnd;
            if (entry.Length is { } reference && Resolve(reference, Place.Object).Value is long length && length >= 0 && length <= end - entry.DataStart)
            {
                end = entry.DataStart + (int)length;
            }

            var filter = Resolve(dictionary.GetValueOrDefault("Filter") ?? dictionary.GetValueOrDefault("F"), Place.Object).Value;
            List<object?> filters = filter switch
            {
                null => [],
                Name name => [name],
                List<object> list => list.Select(f => Resolve(f, Place.Object).Value).ToList(),
                _ => [Other],
            };
            var parameters = Resolve(dictionary.GetValueOrDefault("DecodeParms") ?? dictionary.GetValueOrDefault("DP"), Place.Object).Value;
            var predictor = (parameters is List<object> { Count: > 0 } each ? Resolve(each[0], Place.Object).Value : parameters) is Dictionary<string, object> p
                && p.GetValueOrDefault("Predictor") is long n && n > 1;
            if (filters.Count == 0)
            {
                Charge(end - entry.DataStart);
                return data[entry.DataStart..end];
            }

            if (filters.Count > 1 || filters[0] is not Name { Value: "FlateDecode" or "Fl" } || predictor)
            {
                return null;
            }

            var output = new MemoryStream();
            try
            {
                using var input = new MemoryStream(data, entry.DataStart, end - entry.DataStart, writable: false);
                using var zlib = new ZLibStream(input, CompressionMode.Decompress);
                int read;
                while ((read = zlib.Read(buffer)) > 0)
                {
                    Charge(read);
                    output.Write(buffer, 0, read);
                }
            }
            catch (InvalidDataException)
            {
                // A damaged or truncated stream: what came out before the damage is read.
            }

            return output.ToArray();
        }

        private void Charge(long bytes)
        {
            decoded += bytes;
            if (decoded > MaxDecodedBytes)
            {
                throw new Limit($"解码超过 {MaxDecodedBytes >> 20} MB");
            }
        }
    }

    private static bool Is(object? value, string key, string name) =>
        value is Dictionary<string, object> dictionary && dictionary.GetValueOrDefault(key) is Name found && found.Value == name;

    private static bool IsSpace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsRegular(byte b) => !IsSpace(b) && !IsDelimiter(b);

    /// <summary>
    /// Reads one value from <paramref name="lexer"/> — an object's body up to "endobj" or "stream", a trailer's dictionary, an
    /// entry of an object stream — without recursion: open arrays and dictionaries are a stack. "N G R" becomes a reference;
    /// numbers other than integers, strings and keywords are <see cref="Other"/>. <paramref name="resume"/> is where the scan
    /// goes on: after "endobj" or "stream", or at a keyword that belongs to what follows (the next "obj", "xref", "trailer").
    /// </summary>
    /// <param name="values">Values read so far, all objects together: past <see cref="MaxValues"/> the check stops (<see cref="Limit"/>).</param>
    private static object? Read(Lexer lexer, ref long values, out Ending ending, out int resume)
    {
        var top = new List<object>();
        var open = new List<(List<object> Items, bool Dictionary)>();
        ending = Ending.End;
        resume = -1;
        while (ending == Ending.End)
        {
            var token = lexer.Next();
            var items = open.Count > 0 ? open[^1].Items : top;
            if (++values > MaxValues)
            {
                throw new Limit($"值多于 {MaxValues} 个");
            }

            switch (token)
            {
                case Token.End:
                    resume = lexer.Position;
                    ending = Ending.Other;
                    break;
                case Token.Integer:
                    items.Add(lexer.Integer);
                    break;
                case Token.Name:
                    items.Add(new Name(lexer.NameText()));
                    break;
                case Token.OpenArray or Token.OpenDictionary when open.Count < MaxDepth:
                    open.Add((new List<object>(), token == Token.OpenDictionary));
                    break;
                case Token.CloseArray or Token.CloseDictionary:
                    if (open.Count > 0)
                    {
                        Close(open, top);
                    }

                    break;
                case Token.Keyword when lexer.Is("R"u8):
                    if (items.Count >= 2 && items[^2] is long number and >= 0 and <= int.MaxValue && items[^1] is long generation and >= 0 and <= 65_535)
                    {
                        items.RemoveRange(items.Count - 2, 2);
                        items.Add(new Ref((int)number, (int)generation));
                    }
                    else
                    {
                        items.Add(Other);
                    }

                    break;
                case Token.Keyword when lexer.Is("endobj"u8):
                    ending = Ending.EndObject;
                    resume = lexer.Position;
                    break;
                case Token.Keyword when lexer.Is("stream"u8):
                    ending = Ending.Stream;
                    resume = lexer.Position;
                    break;
                case Token.Keyword when lexer.Is("obj"u8):
                    // The next object's header: its two numbers are not this object's.
                    items.RemoveRange(Math.Max(0, items.Count - 2), Math.Min(2, items.Count));
                    ending = Ending.Other;
                    resume = lexer.Start;
                    break;
                case Token.Keyword when lexer.Is("endstream"u8) || lexer.Is("xref"u8) || lexer.Is("trailer"u8) || lexer.Is("startxref"u8):
                    ending = Ending.Other;
                    resume = lexer.Start;
                    break;
                default:
                    items.Add(Other);
                    break;
            }
        }

        while (open.Count > 0)
        {
            Close(open, top);
        }

        return top.Count > 0 ? top[0] : null;
    }

    /// <summary>Closes the innermost open array or dictionary into its parent.</summary>
    private static void Close(List<(List<object> Items, bool Dictionary)> open, List<object> top)
    {
        var (items, isDictionary) = open[^1];
        open.RemoveAt(open.Count - 1);
        object value = items;
        if (isDictionary)
        {
            var dictionary = new Dictionary<string, object>(items.Count / 2, StringComparer.Ordinal);
            for (var i = 0; i + 1 < items.Count;)
            {
                if (items[i] is Name key)
                {
                    dictionary[key.Value] = items[i + 1];
                    i += 2;
                }
                else
                {
                    i++;
                }
            }

            value = dictionary;
        }

        (open.Count > 0 ? open[^1].Items : top).Add(value);
    }

    /// <summary>PDF tokens of <c>data[start..end]</c>: white space and comments skipped, strings skipped whole.</summary>
    private sealed class Lexer(byte[] data, int start, int end)
    {
        public int Position { get; private set; } = start;

        /// <summary>Where the last token starts (a name: after its slash).</summary>
        public int Start { get; private set; }

        public int Length { get; private set; }

        public long Integer { get; private set; }

        public bool Is(ReadOnlySpan<byte> keyword) => data.AsSpan(Start, Length).SequenceEqual(keyword);

        public string NameText()
        {
            var span = data.AsSpan(Start, Length);
            if (!span.Contains((byte)'#'))
            {
                return Encoding.Latin1.GetString(span);
            }

            var text = new StringBuilder(span.Length);
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i] == '#' && i + 2 < span.Length && Hex(span[i + 1]) is { } high && Hex(span[i + 2]) is { } low)
                {
                    text.Append((char)(high * 16 + low));
                    i += 2;
                }
                else
                {
                    text.Append((char)span[i]);
                }
            }

            return text.ToString();
        }

        private static int? Hex(byte b) => b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
            _ => null,
        };

        public Token Next()
        {
            while (Position < end)
            {
                if (IsSpace(data[Position]))
                {
                    Position++;
                }
                else if (data[Position] == '%')
                {
                    var line = data.AsSpan(Position, end - Position).IndexOfAny((byte)'\r', (byte)'\n');
                    Position = line < 0 ? end : Position + line;
                }
                else
                {
                    break;
                }
            }

            Start = Position;
            Length = 0;
            if (Position >= end)
            {
                return Token.End;
            }

            var b = data[Position];
            switch (b)
            {
                case (byte)'[':
                    Position++;
                    return Token.OpenArray;
                case (byte)']':
                    Position++;
                    return Token.CloseArray;
                case (byte)'<' when Position + 1 < end && data[Position + 1] == '<':
                    Position += 2;
                    return Token.OpenDictionary;
                case (byte)'>' when Position + 1 < end && data[Position + 1] == '>':
                    Position += 2;
                    return Token.CloseDictionary;
                case (byte)'<':
                {
                    var close = data.AsSpan(Position, end - Position).IndexOf((byte)'>');
                    Position = close < 0 ? end : Position + close + 1;
                    return Token.Text;
                }

                case (byte)'(':
                    SkipString();
                    return Token.Text;
                case (byte)'/':
                    Start = ++Position;
                    while (Position < end && IsRegular(data[Position]))
                    {
                        Position++;
                    }

                    Length = Position - Start;
                    return Token.Name;
                case (byte)')' or (byte)'>' or (byte)'{' or (byte)'}':
                    Position++;
                    Length = 1;
                    return Token.Keyword;
            }

            while (Position < end && IsRegular(data[Position]))
            {
                Position++;
            }

            Length = Position - Start;
            return Classify(data.AsSpan(Start, Length));
        }

        private Token Classify(ReadOnlySpan<byte> word)
        {
            var digits = word[0] is (byte)'+' or (byte)'-' ? word[1..] : word;
            if (digits.Length is > 0 and <= 18 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                long value = 0;
                foreach (var digit in digits)
                {
                    value = value * 10 + (digit - '0');
                }

                Integer = word[0] == '-' ? -value : value;
                return Token.Integer;
            }

            return word[0] is (byte)'+' or (byte)'-' or (byte)'.' or (>= (byte)'0' and <= (byte)'9') ? Token.Number : Token.Keyword;
        }

        /// <summary>A literal string: balanced parentheses, backslash escapes.</summary>
        private void SkipString()
        {
            var depth = 0;
            while (Position < end)
            {
                var b = data[Position++];
                if (b == '\\')
                {
                    Position++;
                }
                else if (b == '(')
                {
                    depth++;
                }
                else if (b == ')' && --depth == 0)
                {
                    break;
                }
            }

            Position = Math.Min(Position, end);
        }

        /// <summary>After "ID": the image's bytes up to an "EI" between white space (or at the end).</summary>
        public void SkipInlineImage()
        {
            var at = Position + 1;
            while (at < end)
            {
                var found = data.AsSpan(at, end - at).IndexOf("EI"u8);
                if (found < 0)
                {
                    break;
                }

                var ei = at + found;
                if (IsSpace(data[ei - 1]) && (ei + 2 >= end || IsSpace(data[ei + 2])))
                {
                    Position = ei + 2;
                    return;
                }

                at = ei + 1;
            }

            Position = end;
        }
    }
}
