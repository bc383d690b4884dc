using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>
/// The <c>format</c> assertions of JSON Schema (draft 2020-12, 2019-09 and 7), each after the specification the
/// validation vocabulary names for it. Every check works on UTF-8 bytes or UTF-16 chars alike: the ASCII grammars compare
/// code units, and the formats that allow other characters (<c>idn-email</c>, <c>idn-hostname</c>, <c>iri</c>,
/// <c>iri-reference</c>, <c>uri-template</c>, <c>json-pointer</c>, <c>relative-json-pointer</c>, <c>regex</c>) decode
/// code points, so that text which is not well-formed (a lone surrogate) fails them.
/// </summary>
internal static partial class Formats
{
    /// <summary>Whether <paramref name="text"/> satisfies <paramref name="format"/>.</summary>
    public static bool Check<T>(StringFormat format, ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => format switch
        {
            StringFormat.Uuid => IsUuid(text),
            StringFormat.DateTime => TryParseDateTime(text, out _),
            StringFormat.Uri => IsUri(text),
            StringFormat.Date => IsFullDate(text),
            StringFormat.Time => IsFullTime(text),
            StringFormat.Duration => IsDuration(text),
            StringFormat.Email => IsEmail(text, international: false),
            StringFormat.IdnEmail => IsEmail(text, international: true),
            StringFormat.Hostname => IsDomain(text, DomainKind.Hostname),
            StringFormat.IdnHostname => IsDomain(text, DomainKind.IdnHostname),
            StringFormat.IPv4 => IsIPv4(text),
            StringFormat.IPv6 => IsIPv6(text),
            StringFormat.UriReference => IsUriReference(text, iri: false),
            StringFormat.Iri => IsUri(text, iri: true),
            StringFormat.IriReference => IsUriReference(text, iri: true),
            StringFormat.UriTemplate => IsUriTemplate(text),
            StringFormat.JsonPointer => IsJsonPointer(text),
            StringFormat.RelativeJsonPointer => IsRelativeJsonPointer(text),
            StringFormat.Regex => IsRegex(text),
            _ => true,
        };

    /// <summary>The message for a value that breaks <paramref name="format"/>.</summary>
    public static string Message(StringFormat format) => format switch
    {
        StringFormat.Uuid => "The value is not a uuid (8-4-4-4-12 hexadecimal digits).",
        StringFormat.DateTime => "The value is not an RFC 3339 date-time with a time zone.",
        StringFormat.Uri => "The value is not an absolute URI (RFC 3986).",
        StringFormat.Date => "The value is not an RFC 3339 full-date (YYYY-MM-DD).",
        StringFormat.Time => "The value is not an RFC 3339 full-time with a time zone (hh:mm:ss, then Z or an offset).",
        StringFormat.Duration => "The value is not an RFC 3339 duration (P3D, PT1H30M, P2W, ...).",
        StringFormat.Email => "The value is not an e-mail address (RFC 5321 Mailbox).",
        StringFormat.IdnEmail => "The value is not an internationalized e-mail address (RFC 6531 Mailbox).",
        StringFormat.Hostname => "The value is not a host name (RFC 1123).",
        StringFormat.IdnHostname => "The value is not an internationalized host name (IDNA2008, RFC 5890).",
        StringFormat.IPv4 => "The value is not an IPv4 address (four decimal octets, no leading zeros).",
        StringFormat.IPv6 => "The value is not an IPv6 address (RFC 4291).",
        StringFormat.UriReference => "The value is not a URI reference (RFC 3986).",
        StringFormat.Iri => "The value is not an absolute IRI (RFC 3987).",
        StringFormat.IriReference => "The value is not an IRI reference (RFC 3987).",
        StringFormat.UriTemplate => "The value is not a URI template (RFC 6570).",
        StringFormat.JsonPointer => "The value is not a JSON Pointer (RFC 6901).",
        StringFormat.RelativeJsonPointer => "The value is not a relative JSON Pointer.",
        StringFormat.Regex => "The value is not an ECMA-262 regular expression.",
        _ => "The value does not have the expected format.",
    };

    /// <summary>An 8-4-4-4-12 hexadecimal uuid, any case, any version.</summary>
    public static bool IsUuid<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (text.Length != 36)
        {
            return false;
        }

        for (int i = 0; i < 36; i++)
        {
            int c = At(text, i);
            if (i is 8 or 13 or 18 or 23)
            {
                if (c != '-')
                {
                    return false;
                }
            }
            else if (!IsHex(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses an RFC 3339 <c>date-time</c> (full-date "T" full-time, with an offset), checking every field.</summary>
    public static bool TryParseDateTime<T>(ReadOnlySpan<T> text, out DateTimeParts parts)
        where T : unmanaged, IBinaryInteger<T>
    {
        parts = default;
        if (text.Length < 20 || !TryParseFullDate(text.Slice(0, 10), out int year, out int month, out int day) || (At(text, 10) | 0x20) != 't'
            || !TryParseFullTime(text.Slice(11), out int hour, out int minute, out int second, out long fractionTicks, out int offsetMinutes))
        {
            return false;
        }

        parts = new DateTimeParts(year, month, day, hour, minute, second, fractionTicks, offsetMinutes);
        return true;
    }

    /// <summary>
    /// The rule of a contract <c>uri</c> (docs/schema-dialect.md): an RFC 3986 URI must also be one <see cref="System.Uri"/>
    /// represents. Validating and parsing both decide with this method, so they cannot disagree.
    /// </summary>
    /// <param name="uri">A value that satisfies <see cref="IsUri{T}(ReadOnlySpan{T})"/>, in UTF-8.</param>
    /// <param name="create">Whether the caller needs the <see cref="System.Uri"/>.</param>
    /// <param name="value">The URI, when it fits and was created (always when <paramref name="create"/> is true).</param>
    public static bool FitsSystemUri(ReadOnlySpan<byte> uri, bool create, out Uri? value)
    {
        value = null;
        if (!create && SurelyFitsSystemUri(uri))
        {
            return true;
        }

        // The only allocation of a uri check: the string Uri.TryCreate needs. It is made only for a value that already passed
        // the RFC 3986 grammar, and when validating only for one outside the everyday shape SurelyFitsSystemUri vouches for.
        return Uri.TryCreate(Encoding.UTF8.GetString(uri), UriKind.Absolute, out value);
    }

    /// <summary>
    /// Whether <see cref="System.Uri"/> surely accepts an RFC 3986 URI, decided without allocating: only for the everyday
    /// shape <c>http</c>, <c>https</c>, <c>ws</c> or <c>wss</c> "//" host [":" port] path [ "?" query ] [ "#" fragment ],
    /// where the host is a dotted IPv4 address or dot-separated labels of letters, digits and inner hyphens (no
    /// <c>xn--</c>), and the port has at most five digits and is at most 65535. False means "ask System.Uri", not "refused".
    /// </summary>
    /// <param name="uri">A value that satisfies <see cref="IsUri{T}(ReadOnlySpan{T})"/>, in UTF-8; its path, query and
    /// fragment are not looked at again.</param>
    internal static bool SurelyFitsSystemUri(ReadOnlySpan<byte> uri)
    {
        if (uri.Length > 2048)
        {
            return false;
        }

        int colon = uri.IndexOf((byte)':');
        if (colon < 0 || !IsWebScheme(uri.Slice(0, colon)) || !uri.Slice(colon + 1).StartsWith("//"u8))
        {
            return false;
        }

        ReadOnlySpan<byte> authority = uri.Slice(colon + 3);
        int end = authority.IndexOfAny((byte)'/', (byte)'?', (byte)'#');
        if (end >= 0)
        {
            authority = authority.Slice(0, end);
        }

        ReadOnlySpan<byte> host = authority;
        int portStart = authority.IndexOf((byte)':');
        if (portStart >= 0)
        {
            host = authority.Slice(0, portStart);
            ReadOnlySpan<byte> port = authority.Slice(portStart + 1);
            if (port.Length is 0 or > 5 || !TryDigits(port, 0, port.Length, out int number) || number > 65535)
            {
                return false;
            }
        }

        return IsPlainHost(host);
    }

    private static bool IsWebScheme(ReadOnlySpan<byte> scheme) =>
        scheme.Length switch
        {
            2 => (scheme[0] | 0x20) == 'w' && (scheme[1] | 0x20) == 's',
            3 => (scheme[0] | 0x20) == 'w' && (scheme[1] | 0x20) == 's' && (scheme[2] | 0x20) == 's',
            4 => (scheme[0] | 0x20) == 'h' && (scheme[1] | 0x20) == 't' && (scheme[2] | 0x20) == 't' && (scheme[3] | 0x20) == 'p',
            5 => (scheme[0] | 0x20) == 'h' && (scheme[1] | 0x20) == 't' && (scheme[2] | 0x20) == 't' && (scheme[3] | 0x20) == 'p' && (scheme[4] | 0x20) == 's',
            _ => false,
        };

    /// <summary>A dotted IPv4 address, or 1 to 253 characters of labels of letters, digits and inner hyphens, at least one letter.</summary>
    private static bool IsPlainHost(ReadOnlySpan<byte> host)
    {
        if (host.IsEmpty || host.Length > 253)
        {
            return false;
        }

        bool letter = false;
        int labelStart = 0;
        for (int i = 0; i <= host.Length; i++)
        {
            if (i < host.Length && host[i] != '.')
            {
                int c = host[i];
                if (IsAlpha(c))
                {
                    letter = true;
                }
                else if (!IsDigit(c) && c != '-')
                {
                    return false;
                }

                continue;
            }

            ReadOnlySpan<byte> label = host.Slice(labelStart, i - labelStart);
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-'
                || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
            {
                return false;
            }

            labelStart = i + 1;
        }

        // All digits and dots: System.Uri reads it as an IPv4 address, in forms RFC 3986 does not know (http://1/ is 0.0.0.1).
        return letter || IsIPv4(host);
    }

    /// <summary>
    /// An RFC 3986 <c>URI</c>: <c>scheme ":" hier-part [ "?" query ] [ "#" fragment ]</c>, checking every component's
    /// characters and percent-encodings, and IPv6 and IPvFuture literals.
    /// </summary>
    public static bool IsUri<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => IsUri(text, iri: false);

    /// <summary>
    /// An RFC 3986 <c>URI</c>, or with <paramref name="iri"/> an RFC 3987 <c>IRI</c>: the same grammar, where user
    /// information, host names, paths, queries and fragments may also hold <c>ucschar</c> code points, and queries
    /// <c>iprivate</c> ones.
    /// </summary>
    private static bool IsUri<T>(ReadOnlySpan<T> text, bool iri)
        where T : unmanaged, IBinaryInteger<T>
    {
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        if (text.IsEmpty || !IsAlpha(At(text, 0)))
        {
            return false;
        }

        int i = 1;
        while (i < text.Length && At(text, i) != ':')
        {
            int c = At(text, i);
            if (!(IsAlpha(c) || IsDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }

            i++;
        }

        return i < text.Length && IsReferenceTail(text.Slice(i + 1), iri);
    }

    /// <summary>
    /// An RFC 3986 <c>URI-reference</c> (a URI or a relative reference), or with <paramref name="iri"/> an RFC 3987
    /// <c>IRI-reference</c>. A colon before any "/", "?" or "#" makes it a URI, since a relative path's first segment has no colon.
    /// </summary>
    public static bool IsUriReference<T>(ReadOnlySpan<T> text, bool iri)
        where T : unmanaged, IBinaryInteger<T>
    {
        foreach (T unit in text)
        {
            int c = int.CreateTruncating(unit);
            if (c == ':')
            {
                return IsUri(text, iri);
            }

            if (c is '/' or '?' or '#')
            {
                break;
            }
        }

        return IsReferenceTail(text, iri);
    }

    /// <summary>
    /// What follows a scheme's colon (<c>hier-part</c>), or a whole relative reference (<c>relative-part</c>), each with
    /// its <c>[ "?" query ] [ "#" fragment ]</c>: "//" authority path-abempty, or a path of segments.
    /// </summary>
    private static bool IsReferenceTail<T>(ReadOnlySpan<T> rest, bool iri)
        where T : unmanaged, IBinaryInteger<T>
    {
        CharSet ucs = iri ? CharSet.Ucs : 0;
        int fragmentStart = IndexOf(rest, '#');
        if (fragmentStart >= 0)
        {
            if (!AllOf(rest.Slice(fragmentStart + 1), CharSet.PChar | CharSet.Slash | CharSet.Question | ucs))
            {
                return false;
            }

            rest = rest.Slice(0, fragmentStart);
        }

        int queryStart = IndexOf(rest, '?');
        if (queryStart >= 0)
        {
            if (!AllOf(rest.Slice(queryStart + 1), CharSet.PChar | CharSet.Slash | CharSet.Question | ucs | (iri ? CharSet.Private : 0)))
            {
                return false;
            }

            rest = rest.Slice(0, queryStart);
        }

        if (rest.Length >= 2 && At(rest, 0) == '/' && At(rest, 1) == '/')
        {
            rest = rest.Slice(2);
            int pathStart = IndexOf(rest, '/');
            ReadOnlySpan<T> authority = pathStart >= 0 ? rest.Slice(0, pathStart) : rest;
            if (!IsAuthority(authority, ucs))
            {
                return false;
            }

            rest = pathStart >= 0 ? rest.Slice(pathStart) : default;
        }

        return AllOf(rest, CharSet.PChar | CharSet.Slash | ucs);
    }

    /// <summary>Whether <paramref name="text"/> is an <c>IPv6address</c> (RFC 3986 section 3.2.2).</summary>
    public static bool IsIPv6<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        int compression = -1;
        for (int k = 0; k + 1 < text.Length; k++)
        {
            if (At(text, k) == ':' && At(text, k + 1) == ':')
            {
                compression = k;
                break;
            }
        }

        if (compression < 0)
        {
            return CountGroups(text, ipv4AllowedLast: true, out int groups) && groups == 8;
        }

        ReadOnlySpan<T> left = text.Slice(0, compression);
        ReadOnlySpan<T> right = text.Slice(compression + 2);
        return CountGroups(left, ipv4AllowedLast: false, out int leftGroups)
            && CountGroups(right, ipv4AllowedLast: true, out int rightGroups)
            && leftGroups + rightGroups <= 7;
    }

    /// <summary>Whether <paramref name="text"/> is an <c>IPv4address</c>: four dec-octets 0-255 without leading zeros.</summary>
    public static bool IsIPv4<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => IsDottedQuad(text, leadingZeros: false);

    /// <summary>
    /// Four decimal numbers 0-255 of one to three digits, separated by dots; with <paramref name="leadingZeros"/> a number
    /// may start with 0 (RFC 5321's <c>Snum</c>), without it not (RFC 3986's <c>dec-octet</c>, RFC 2673's dotted quad).
    /// </summary>
    private static bool IsDottedQuad<T>(ReadOnlySpan<T> text, bool leadingZeros)
        where T : unmanaged, IBinaryInteger<T>
    {
        int octets = 0;
        int i = 0;
        while (true)
        {
            int start = i;
            int value = 0;
            while (i < text.Length && IsDigit(At(text, i)) && i - start < 3)
            {
                value = (value * 10) + (At(text, i) - '0');
                i++;
            }

            int length = i - start;
            if (length == 0 || value > 255 || (!leadingZeros && length > 1 && At(text, start) == '0'))
            {
                return false;
            }

            octets++;
            if (i == text.Length)
            {
                return octets == 4;
            }

            if (At(text, i) != '.' || octets == 4)
            {
                return false;
            }

            i++;
        }
    }

    private static bool CountGroups<T>(ReadOnlySpan<T> text, bool ipv4AllowedLast, out int groups)
        where T : unmanaged, IBinaryInteger<T>
    {
        groups = 0;
        if (text.IsEmpty)
        {
            return true;
        }

        while (true)
        {
            int colon = IndexOf(text, ':');
            ReadOnlySpan<T> group = colon >= 0 ? text.Slice(0, colon) : text;
            if (colon < 0 && ipv4AllowedLast && IndexOf(group, '.') >= 0)
            {
                if (!IsIPv4(group))
                {
                    return false;
                }

                groups += 2;
                return true;
            }

            if (group.Length is 0 or > 4)
            {
                return false;
            }

            foreach (T unit in group)
            {
                if (!IsHex(int.CreateTruncating(unit)))
                {
                    return false;
                }
            }

            groups++;
            if (colon < 0)
            {
                return true;
            }

            text = text.Slice(colon + 1);
        }
    }

    private static bool IsAuthority<T>(ReadOnlySpan<T> authority, CharSet ucs)
        where T : unmanaged, IBinaryInteger<T>
    {
        // authority = [ userinfo "@" ] host [ ":" port ]
        int at = IndexOf(authority, '@');
        if (at >= 0)
        {
            if (!AllOf(authority.Slice(0, at), CharSet.Unreserved | CharSet.SubDelims | CharSet.Colon | ucs))
            {
                return false;
            }

            authority = authority.Slice(at + 1);
        }

        ReadOnlySpan<T> port;
        if (!authority.IsEmpty && At(authority, 0) == '[')
        {
            int close = IndexOf(authority, ']');
            if (close < 0 || !IsIPLiteral(authority.Slice(1, close - 1)))
            {
                return false;
            }

            ReadOnlySpan<T> after = authority.Slice(close + 1);
            if (after.IsEmpty)
            {
                return true;
            }

            if (At(after, 0) != ':')
            {
                return false;
            }

            port = after.Slice(1);
        }
        else
        {
            int colon = IndexOf(authority, ':');
            ReadOnlySpan<T> host = colon >= 0 ? authority.Slice(0, colon) : authority;

            // reg-name = *( unreserved / pct-encoded / sub-delims ); an IPv4address is also a reg-name.
            if (!AllOf(host, CharSet.Unreserved | CharSet.SubDelims | ucs))
            {
                return false;
            }

            port = colon >= 0 ? authority.Slice(colon + 1) : default;
        }

        foreach (T unit in port)
        {
            if (!IsDigit(int.CreateTruncating(unit)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIPLiteral<T>(ReadOnlySpan<T> literal)
        where T : unmanaged, IBinaryInteger<T>
    {
        // IP-literal = "[" ( IPv6address / IPvFuture ) "]"; IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
        if (!literal.IsEmpty && (At(literal, 0) | 0x20) == 'v')
        {
            int i = 1;
            while (i < literal.Length && IsHex(At(literal, i)))
            {
                i++;
            }

            if (i == 1 || i >= literal.Length || At(literal, i) != '.' || i + 1 == literal.Length)
            {
                return false;
            }

            foreach (T unit in literal.Slice(i + 1))
            {
                int c = int.CreateTruncating(unit);
                if (!(IsUnreserved(c) || IsSubDelim(c) || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        return IsIPv6(literal);
    }

    private static bool AllOf<T>(ReadOnlySpan<T> text, CharSet allowed)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = 0; i < text.Length; i++)
        {
            int c = At(text, i);
            if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(At(text, i + 1)) || !IsHex(At(text, i + 2)))
                {
                    return false;
                }

                i += 2;
                continue;
            }

            if (c >= 0x80)
            {
                // ucschar and iprivate (RFC 3987), where an IRI allows them; never in a URI.
                if ((allowed & (CharSet.Ucs | CharSet.Private)) == 0 || !TryDecode(text.Slice(i), out int value, out int length)
                    || !(((allowed & CharSet.Ucs) != 0 && IsUcsChar(value)) || ((allowed & CharSet.Private) != 0 && IsIPrivate(value))))
                {
                    return false;
                }

                i += length - 1;
                continue;
            }

            bool ok = (IsUnreserved(c) && (allowed & CharSet.Unreserved) != 0)
                || (IsSubDelim(c) && (allowed & CharSet.SubDelims) != 0)
                || (c == ':' && (allowed & CharSet.Colon) != 0)
                || (c == '@' && (allowed & CharSet.At) != 0)
                || (c == '/' && (allowed & CharSet.Slash) != 0)
                || (c == '?' && (allowed & CharSet.Question) != 0);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool TryDigits<T>(ReadOnlySpan<T> text, int start, int count, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            int c = At(text, i);
            if (!IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static int IndexOf<T>(ReadOnlySpan<T> text, char c)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (At(text, i) == c)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Decodes the code point <paramref name="text"/> starts with, from UTF-8 bytes or UTF-16 chars; false when the text
    /// there is not well-formed (a lone surrogate, a truncated or overlong sequence).
    /// </summary>
    private static bool TryDecode<T>(ReadOnlySpan<T> text, out int value, out int length)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = At(text, 0);
        length = 1;
        if (value < 0x80)
        {
            return true;
        }

        Rune rune;
        OperationStatus status;
        if (typeof(T) == typeof(byte))
        {
            status = Rune.DecodeFromUtf8(MemoryMarshal.Cast<T, byte>(text), out rune, out length);
        }
        else if (typeof(T) == typeof(char))
        {
            status = Rune.DecodeFromUtf16(MemoryMarshal.Cast<T, char>(text), out rune, out length);
        }
        else
        {
            throw new NotSupportedException("Text is UTF-8 bytes or UTF-16 chars.");
        }

        value = rune.Value;
        return status == OperationStatus.Done;
    }

    /// <summary>The number of UTF-8 bytes of a code point.</summary>
    private static int Utf8Length(int value) => value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4;

    /// <summary>RFC 3987's <c>ucschar</c>: non-ASCII code points outside the surrogates, private use and noncharacters.</summary>
    private static bool IsUcsChar(int c) =>
        c is (>= 0xA0 and <= 0xD7FF) or (>= 0xF900 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFEF)
        || (c >= 0x10000 && c <= 0xDFFFF && (c & 0xFFFF) <= 0xFFFD)
        || (c >= 0xE1000 && c <= 0xEFFFD);

    /// <summary>RFC 3987's <c>iprivate</c>: the private use code points.</summary>
    private static bool IsIPrivate(int c) =>
        c is (>= 0xE000 and <= 0xF8FF) or (>= 0xF0000 and <= 0xFFFFD) or (>= 0x100000 and <= 0x10FFFD);

    private static int At<T>(ReadOnlySpan<T> text, int index)
        where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(text[index]);

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private static bool IsAlpha(int c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsHex(int c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static bool IsUnreserved(int c) => IsAlpha(c) || IsDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsSubDelim(int c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    [Flags]
    private enum CharSet
    {
        Unreserved = 1,
        SubDelims = 2,
        Colon = 4,
        At = 8,
        Slash = 16,
        Question = 32,

        /// <summary>RFC 3987's <c>ucschar</c>.</summary>
        Ucs = 64,

        /// <summary>RFC 3987's <c>iprivate</c>.</summary>
        Private = 128,
        PChar = Unreserved | SubDelims | Colon | At,
    }
}

/// <summary>The fields of an RFC 3339 date-time, as written (second 60 is a leap second).</summary>
internal readonly record struct DateTimeParts(int Year, int Month, int Day, int Hour, int Minute, int Second, long FractionTicks, int OffsetMinutes)
{
    /// <summary>The value as a <see cref="DateTimeOffset"/>; false when it is outside what the type represents (year 0, offsets past ±14:00).</summary>
    public bool TryToDateTimeOffset(out DateTimeOffset value)
    {
        value = default;
        if (Year < 1 || OffsetMinutes is < -14 * 60 or > 14 * 60)
        {
            return false;
        }

        // A leap second has no place in DateTimeOffset: 23:59:60 becomes the first instant of the next minute.
        long ticks = new DateTime(Year, Month, Day).Ticks
            + (Hour * TimeSpan.TicksPerHour)
            + (Minute * TimeSpan.TicksPerMinute)
            + (Second * TimeSpan.TicksPerSecond)
            + FractionTicks;
        long utcTicks = ticks - (OffsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks > DateTime.MaxValue.Ticks || utcTicks < 0 || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.FromMinutes(OffsetMinutes));
        return true;
    }
}
