using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Stagehand.Schema;

/// <summary>
/// A JSON file's text as the UTF-8 bytes <see cref="System.Text.Json.Utf8JsonReader"/> reads, with the way back from a
/// byte offset to the place in the text (character offset, line and column) that a diagnostic shows. The schema reader
/// and the operations reader share it, so both place their problems alike.
/// </summary>
internal sealed class JsonTextMap
{
    private readonly int[] _charIndexOfByte;

    public JsonTextMap(string path, SourceText text)
    {
        Path = path;
        Text = text;
        var content = text.ToString();
        Utf8 = Encoding.UTF8.GetBytes(content);
        _charIndexOfByte = MapBytesToChars(content, Utf8.Length);
    }

    /// <summary>The path the places name.</summary>
    public string Path { get; }

    public SourceText Text { get; }

    public byte[] Utf8 { get; }

    /// <summary>The place of <paramref name="byteLength"/> bytes from <paramref name="byteStart"/>, clamped to the text.</summary>
    public LocationInfo LocationOf(int byteStart, int byteLength)
    {
        var clampedStart = Math.Max(0, Math.Min(byteStart, Utf8.Length));
        var clampedEnd = Math.Max(clampedStart, Math.Min(byteStart + byteLength, Utf8.Length));
        var start = _charIndexOfByte[clampedStart];
        var end = _charIndexOfByte[clampedEnd];
        var span = TextSpan.FromBounds(start, end);
        var lines = Text.Lines.GetLinePositionSpan(span);
        return new LocationInfo(Path, start, end - start, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }

    /// <summary>The byte offset where the zero-based <paramref name="line"/> starts (the end of the text when it has fewer lines).</summary>
    public int ByteOffsetOfLine(int line) => ByteOffsetOfLine(Utf8, line);

    /// <summary>The byte offset where the zero-based <paramref name="line"/> of <paramref name="utf8"/> starts (its end when it has fewer lines).</summary>
    public static int ByteOffsetOfLine(byte[] utf8, int line)
    {
        var current = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (current == line)
            {
                return i;
            }

            if (utf8[i] == (byte)'\n')
            {
                current++;
            }
        }

        return utf8.Length;
    }

    private static int[] MapBytesToChars(string content, int byteCount)
    {
        var map = new int[byteCount + 1];
        var byteIndex = 0;
        for (var charIndex = 0; charIndex < content.Length; charIndex++)
        {
            var c = content[charIndex];
            int width;
            if (char.IsHighSurrogate(c) && charIndex + 1 < content.Length && char.IsLowSurrogate(content[charIndex + 1]))
            {
                for (var k = 0; k < 4; k++)
                {
                    map[byteIndex + k] = charIndex;
                }

                byteIndex += 4;
                charIndex++;
                continue;
            }

            width = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            for (var k = 0; k < width && byteIndex + k < byteCount; k++)
            {
                map[byteIndex + k] = charIndex;
            }

            byteIndex += width;
        }

        for (var i = Math.Min(byteIndex, byteCount); i <= byteCount; i++)
        {
            map[i] = content.Length;
        }

        return map;
    }
}
