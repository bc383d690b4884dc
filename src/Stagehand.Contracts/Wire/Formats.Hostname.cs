using System;
using System.Numerics;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>Which names <see cref="Formats.IsDomain"/> accepts.</summary>
internal enum DomainKind
{
    /// <summary><c>hostname</c>: ASCII labels separated by ".".</summary>
    Hostname,

    /// <summary><c>idn-hostname</c>: labels may be U-labels, and "。", "．" and "｡" separate labels as "." does (RFC 3490 section 3.1).</summary>
    IdnHostname,

    /// <summary>The domain of an <c>idn-email</c>: labels may be U-labels once in NFC, separated by ".".</summary>
    IdnEmailDomain,
}

/// <summary>The host name formats: <c>hostname</c> and <c>idn-hostname</c>.</summary>
internal static partial class Formats
{
    /// <summary>The most characters a label may have, and the most code points a U-label can have.</summary>
    private const int MaxLabel = 63;

    /// <summary>The most characters a name may have (RFC 1034 section 3.1, without the final dot).</summary>
    private const int MaxName = 253;

    /// <summary>
    /// A host name. Every kind: labels of 1 to 63 characters, no empty label (so no leading or trailing separator), at most
    /// 253 characters in all. An ASCII label is letters, digits and hyphens, not first or last (RFC 1123 section 2.1);
    /// one that starts with <c>xn--</c> (in any case, as DNS compares labels) must be an A-label: Punycode that decodes to
    /// a U-label with a non-ASCII code point and encodes back to the same text (RFC 5890 section 2.3.2.1, RFC 5891
    /// section 5.4). A non-ASCII label (not for
    /// <see cref="DomainKind.Hostname"/>) must be a U-label (<see cref="Idna.IsULabel"/>) whose A-label fits 63
    /// characters; lengths count the A-label form. When a label holds a right-to-left character, every label must satisfy
    /// the Bidi rule (RFC 5893).
    /// </summary>
    public static bool IsDomain<T>(ReadOnlySpan<T> text, DomainKind kind)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (text.IsEmpty)
        {
            return false;
        }

        Span<int> label = stackalloc int[MaxLabel];
        Span<int> unicode = stackalloc int[MaxLabel];
        Span<char> ace = stackalloc char[MaxLabel];
        int total = 0;
        bool bidiDomain = false;
        bool bidiRule = true;
        int i = 0;
        while (true)
        {
            int count = 0;
            int separator = 0;
            bool ascii = true;
            while (i < text.Length)
            {
                if (!TryDecode(text.Slice(i), out int c, out int length))
                {
                    return false;
                }

                if (c == '.' || (kind == DomainKind.IdnHostname && c is 0x3002 or 0xFF0E or 0xFF61))
                {
                    separator = length;
                    break;
                }

                if (c >= 0x80)
                {
                    if (kind == DomainKind.Hostname)
                    {
                        return false;
                    }

                    ascii = false;
                }

                if (count == label.Length)
                {
                    return false;
                }

                label[count++] = c;
                i += length;
            }

            if (ascii)
            {
                // An ASCII label is case-insensitive (RFC 4343), an A-label's Punycode included: read it in lower case.
                for (int k = 0; k < count; k++)
                {
                    label[k] |= IsAlpha(label[k]) ? 0x20 : 0;
                }
            }

            if (count == 0 || !TryLabel(label.Slice(0, count), ascii, kind, unicode, ace, out int aceLength, out bool rightToLeft, out bool bidiOk))
            {
                return false;
            }

            total += aceLength;
            bidiDomain |= rightToLeft;
            bidiRule &= bidiOk;
            if (i == text.Length)
            {
                return total <= MaxName && (!bidiDomain || bidiRule);
            }

            i += separator;
            total++;
            if (i == text.Length)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Checks one label; <paramref name="aceLength"/> is the length of its ASCII form, <paramref name="rightToLeft"/> and
    /// <paramref name="bidiOk"/> what the Bidi rule says of it.
    /// </summary>
    private static bool TryLabel(ReadOnlySpan<int> label, bool ascii, DomainKind kind, Span<int> unicode, Span<char> ace, out int aceLength, out bool rightToLeft, out bool bidiOk)
    {
        aceLength = label.Length;
        rightToLeft = false;
        bidiOk = true;
        ReadOnlySpan<int> uLabel;
        if (ascii)
        {
            if (!IsLdhLabel(label))
            {
                return false;
            }

            if (label.Length < 4 || label[0] != 'x' || label[1] != 'n' || label[2] != '-' || label[3] != '-')
            {
                bidiOk = Idna.SatisfiesBidiRule(label, out rightToLeft);
                return true;
            }

            ReadOnlySpan<int> punycode = label.Slice(4);
            if (!Punycode.TryDecode(punycode, unicode, out int count))
            {
                return false;
            }

            uLabel = unicode.Slice(0, count);
            if (!HasNonAscii(uLabel) || !Punycode.TryEncode(uLabel, ace, out int length) || !SameText(ace.Slice(0, length), punycode))
            {
                return false;
            }
        }
        else
        {
            uLabel = label;
            if (kind == DomainKind.IdnEmailDomain)
            {
                if (!TryNormalizeNfc(label, unicode, out int count))
                {
                    return false;
                }

                uLabel = unicode.Slice(0, count);
            }

            if (!Punycode.TryEncode(uLabel, ace.Slice(0, MaxLabel - 4), out int length))
            {
                return false;
            }

            aceLength = length + 4;
        }

        if (!Idna.IsULabel(uLabel))
        {
            return false;
        }

        bidiOk = Idna.SatisfiesBidiRule(uLabel, out rightToLeft);
        return true;
    }

    /// <summary>RFC 1123's label: 1 to 63 letters, digits and hyphens, no hyphen first or last.</summary>
    private static bool IsLdhLabel(ReadOnlySpan<int> label)
    {
        if (label.IsEmpty || label.Length > MaxLabel || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        foreach (int c in label)
        {
            if (!(IsAlpha(c) || IsDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasNonAscii(ReadOnlySpan<int> label)
    {
        foreach (int c in label)
        {
            if (c >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameText(ReadOnlySpan<char> encoded, ReadOnlySpan<int> original)
    {
        if (encoded.Length != original.Length)
        {
            return false;
        }

        for (int i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] != original[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The label in NFC (RFC 6531 leaves normalization to the domain's lookup, RFC 5891 section 5.2), as code points.</summary>
    private static bool TryNormalizeNfc(ReadOnlySpan<int> label, Span<int> output, out int count)
    {
        count = label.Length;
        if (Idna.IsStable(label, compatibility: false))
        {
            label.CopyTo(output);
            return true;
        }

        count = 0;
        Span<char> chars = stackalloc char[label.Length * 2];
        int length = 0;
        foreach (int c in label)
        {
            length += new Rune(c).EncodeToUtf16(chars.Slice(length));
        }

        chars = chars.Slice(0, length);
#if NET9_0_OR_GREATER
        // NFC is at most three times as long as its input.
        Span<char> buffer = stackalloc char[chars.Length * 3];
        if (!chars.TryNormalize(buffer, out int written, NormalizationForm.FormC))
        {
            return false;
        }

        ReadOnlySpan<char> normalized = buffer.Slice(0, written);
#else
        ReadOnlySpan<char> normalized = new string(chars).Normalize(NormalizationForm.FormC);
#endif
        while (!normalized.IsEmpty)
        {
            if (count == output.Length || Rune.DecodeFromUtf16(normalized, out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            output[count++] = rune.Value;
            normalized = normalized.Slice(consumed);
        }

        return true;
    }
}
