using Microsoft.CodeAnalysis.Text;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>
/// Maps a range of a JSON string's value, as decoded, back to the characters of its token in the file: an escape
/// (<c>\"</c>, <c>\n</c>, <c>\u00e9</c>) is one character of the value and two or six of the text, so a term after one
/// is further along in the file than in the value.
/// </summary>
internal static class JsonStringSpans
{
    /// <summary>
    /// The span in <paramref name="text"/> of the characters <paramref name="start"/> to <paramref name="start"/> +
    /// <paramref name="length"/> of the value of the string token at <paramref name="token"/> (its quotes included);
    /// null when the text there is not such a token.
    /// </summary>
    public static TextSpan? Map(SourceText text, TextSpan token, int start, int length)
    {
        if (token.Length < 2 || token.End > text.Length || text[token.Start] != '"' || text[token.End - 1] != '"' || start < 0 || length < 0)
        {
            return null;
        }

        var end = start + length;
        var contentEnd = token.End - 1;
        int? rawStart = null;
        var decoded = 0;
        var position = token.Start + 1;
        while (true)
        {
            if (decoded == start)
            {
                rawStart = position;
            }

            if (decoded == end && rawStart is { } found && position <= contentEnd)
            {
                return TextSpan.FromBounds(found, position);
            }

            if (position >= contentEnd)
            {
                return null;
            }

            // One character of the value: a plain character, a two-character escape, or \uXXXX (a surrogate pair is two
            // escapes and two characters of the value, as it is two UTF-16 characters unescaped).
            position += text[position] != '\\' ? 1 : position + 1 < contentEnd && text[position + 1] == 'u' ? 6 : 2;
            decoded++;
        }
    }
}
