using System.Text;

namespace Stagehand.Generators;

/// <summary>Writes C# text line by line, keeping indentation, with LF line endings on every machine.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter WriteLine(string line)
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(line);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter WriteLine() => WriteLine(string.Empty);

    /// <summary>
    /// Writes a fixed block of lines (a raw-string template whose holes the caller has filled), each at the current
    /// indentation plus its own. Line ends in the template are normalized to LF.
    /// </summary>
    public SourceWriter WriteTemplate(string template)
    {
        foreach (var line in template.Replace("\r\n", "\n").Split('\n'))
        {
            WriteLine(line);
        }

        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        if (header.Length > 0)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        return WriteLine("}" + suffix);
    }

    /// <summary>
    /// Writes an XML doc summary; each line of the text becomes one comment line. Every character C# takes for a line
    /// end (CR, LF, NEL, U+2028, U+2029) starts a new comment line, so no text escapes the comment.
    /// </summary>
    public SourceWriter WriteSummary(string text)
    {
        WriteLine("/// <summary>");
        foreach (var line in SplitLines(text))
        {
            WriteLine("/// " + EscapeXml(line.TrimEnd()));
        }

        return WriteLine("/// </summary>");
    }

    public SourceWriter WriteSummaryXml(string xml)
    {
        WriteLine("/// <summary>");
        WriteLine("/// " + xml);
        return WriteLine("/// </summary>");
    }

    /// <summary>
    /// Text made safe for one line of an XML doc comment: markup characters escaped, line ends written as character
    /// references (they would end the comment line), and what XML does not allow (control characters, a lone
    /// surrogate) replaced with U+FFFD.
    /// </summary>
    public static string EscapeXml(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029':
                    builder.Append("&#x").Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(';');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if ((c < ' ' && c != '\t') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The lines of <paramref name="text"/>, split wherever C# would end a line.</summary>
    private static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n").Split('\n', '\r', '\u0085', '\u2028', '\u2029');

    public override string ToString() => _builder.ToString();

    public bool IsEmpty => _builder.Length == 0;

    /// <summary>Writes another writer's text, indented to this writer's level.</summary>
    public SourceWriter WriteLines(SourceWriter other)
    {
        foreach (var line in other.ToString().TrimEnd('\n').Split('\n'))
        {
            WriteLine(line);
        }

        return this;
    }

    /// <summary>A writer for a fragment, to be placed with <see cref="WriteLines"/>.</summary>
    public static SourceWriter Fragment() => new();

    public static string Code(string text) => "<c>" + EscapeXml(text) + "</c>";
}
