using System;
using System.Numerics;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>
/// The <c>format</c> assertions: uuid, RFC 3339 date-time and RFC 3986 URI. The grammars are ASCII-only, so each check works
/// on UTF-8 bytes or UTF-16 chars alike; any non-ASCII unit fails it.
/// </summary>
internal static class Formats
{
    /// <summary>Whether <paramref name="text"/> satisfies <paramref name="format"/>.</summary>
    public static bool Check<T>(StringFormat format, ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => format switch
        {
            StringFormat.Uuid => IsUuid(text),
            StringFormat.DateTime => TryParseDateTime(text, out _),
            StringFormat.Uri => IsUri(text),
            _ => true,
        };

    /// <summary>The message for a value that breaks <paramref name="format"/>.</summary>
    public static string Message(StringFormat format) => format switch
    {
        StringFormat.Uuid => "The value is not a uuid (8-4-4-4-12 hexadecimal digits).",
        StringFormat.DateTime => "The value is not an RFC 3339 date-time with a time zone.",
        StringFormat.Uri => "The value is not an absolute URI (RFC 3986).",
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
        if (text.Length < 20)
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out int year) || At(text, 4) != '-'
            || !TryDigits(text, 5, 2, out int month) || At(text, 7) != '-'
            || !TryDigits(text, 8, 2, out int day) || (At(text, 10) | 0x20) != 't'
            || !TryDigits(text, 11, 2, out int hour) || At(text, 13) != ':'
            || !TryDigits(text, 14, 2, out int minute) || At(text, 16) != ':'
            || !TryDigits(text, 17, 2, out int second))
        {
            return false;
        }

        int i = 19;
        long fractionTicks = 0;
        if (At(text, i) == '.')
        {
            i++;
            int start = i;
            long scale = TimeSpan.TicksPerSecond / 10;
            while (i < text.Length && IsDigit(At(text, i)))
            {
                fractionTicks += (At(text, i) - '0') * scale;
                scale /= 10;
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= text.Length)
        {
            return false;
        }

        int offsetMinutes;
        int marker = At(text, i);
        if ((marker | 0x20) == 'z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (marker is '+' or '-')
        {
            if (i + 6 > text.Length
                || !TryDigits(text, i + 1, 2, out int offsetHour) || At(text, i + 3) != ':'
                || !TryDigits(text, i + 4, 2, out int offsetMinute)
                || offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = (offsetHour * 60) + offsetMinute;
            if (marker == '-')
            {
                offsetMinutes = -offsetMinutes;
            }

            i += 6;
        }
        else
        {
            return false;
        }

        if (i != text.Length
            || month is < 1 or > 12
            || day < 1 || day > DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (second == 60)
        {
            // A leap second is only ever 23:59:60 in UTC.
            int utcMinute = ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440;
            if (utcMinute != (23 * 60) + 59)
            {
                return false;
            }
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

        if (i >= text.Length)
        {
            return false;
        }

        ReadOnlySpan<T> rest = text.Slice(i + 1);
        int fragmentStart = IndexOf(rest, '#');
        ReadOnlySpan<T> fragment = default;
        if (fragmentStart >= 0)
        {
            fragment = rest.Slice(fragmentStart + 1);
            rest = rest.Slice(0, fragmentStart);
            if (!IsQueryOrFragment(fragment))
            {
                return false;
            }
        }

        int queryStart = IndexOf(rest, '?');
        if (queryStart >= 0)
        {
            if (!IsQueryOrFragment(rest.Slice(queryStart + 1)))
            {
                return false;
            }

            rest = rest.Slice(0, queryStart);
        }

        // hier-part = "//" authority path-abempty / path-absolute / path-rootless / path-empty
        if (rest.Length >= 2 && At(rest, 0) == '/' && At(rest, 1) == '/')
        {
            rest = rest.Slice(2);
            int pathStart = IndexOf(rest, '/');
            ReadOnlySpan<T> authority = pathStart >= 0 ? rest.Slice(0, pathStart) : rest;
            if (!IsAuthority(authority))
            {
                return false;
            }

            rest = pathStart >= 0 ? rest.Slice(pathStart) : default;
        }

        return IsPath(rest);
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
            if (length == 0 || value > 255 || (length > 1 && At(text, start) == '0'))
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

    private static bool IsAuthority<T>(ReadOnlySpan<T> authority)
        where T : unmanaged, IBinaryInteger<T>
    {
        // authority = [ userinfo "@" ] host [ ":" port ]
        int at = IndexOf(authority, '@');
        if (at >= 0)
        {
            if (!AllOf(authority.Slice(0, at), CharSet.Unreserved | CharSet.SubDelims | CharSet.Colon))
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
            if (!AllOf(host, CharSet.Unreserved | CharSet.SubDelims))
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

    private static bool IsPath<T>(ReadOnlySpan<T> path)
        where T : unmanaged, IBinaryInteger<T> => AllOf(path, CharSet.PChar | CharSet.Slash);

    private static bool IsQueryOrFragment<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => AllOf(text, CharSet.PChar | CharSet.Slash | CharSet.Question);

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
