using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Stagehand.Schema;

/// <summary>A place in a schema file, kept as plain values so the model holds no <see cref="Location"/>.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public TextSpan Span => new(Start, Length);

    public LinePositionSpan LineSpan => new(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter));

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>The first character of this place, for a schema that spans many lines.</summary>
    public LocationInfo FirstCharacter() =>
        this with { Length = System.Math.Min(Length, 1), EndLine = StartLine, EndCharacter = StartCharacter + System.Math.Min(Length, 1) };

    /// <summary>One-based line and column, as people and MSBuild count them.</summary>
    public string Display => $"{FilePath}({StartLine + 1},{StartCharacter + 1})";
}
