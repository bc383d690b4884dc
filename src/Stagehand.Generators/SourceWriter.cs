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

    /// <summary>Writes an XML doc summary; each line of the text becomes one comment line.</summary>
    public SourceWriter WriteSummary(string text)
    {
        WriteLine("/// <summary>");
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
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

    public static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

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
