using System;
using System.Numerics;

namespace Stagehand.Contracts;

/// <summary>The e-mail formats: <c>email</c> (RFC 5321 <c>Mailbox</c>) and <c>idn-email</c> (RFC 6531's extension of it).</summary>
internal static partial class Formats
{
    /// <summary>The most octets a local part may have (RFC 5321 section 4.5.3.1.1).</summary>
    private const int MaxLocalPartOctets = 64;

    /// <summary>
    /// An RFC 5321 <c>Mailbox</c>: <c>Local-part "@" ( Domain / address-literal )</c>. The local part is a dot-string of
    /// atoms or a quoted string, at most 64 octets; the domain is a host name (<see cref="DomainKind.Hostname"/>); an
    /// address literal is <c>[</c> an IPv4 address (RFC 5321's <c>Snum</c>s, where a leading zero is allowed) <c>]</c> or
    /// <c>[IPv6:</c> an IPv6 address <c>]</c> (the general form with another tag is refused, since no other tag is
    /// registered). With <paramref name="international"/>, RFC 6531: atoms and quoted strings may also hold any non-ASCII
    /// code point, and the domain's labels may be U-labels (<see cref="DomainKind.IdnEmailDomain"/>).
    /// </summary>
    public static bool IsEmail<T>(ReadOnlySpan<T> text, bool international)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (text.IsEmpty)
        {
            return false;
        }

        int i = 0;
        int octets = 0;
        if (At(text, 0) == '"')
        {
            // Quoted-string = DQUOTE *QcontentSMTP DQUOTE
            i = 1;
            octets = 1;
            while (true)
            {
                if (i >= text.Length)
                {
                    return false;
                }

                int c = At(text, i);
                if (c == '"')
                {
                    i++;
                    octets++;
                    break;
                }

                if (c == '\\')
                {
                    // quoted-pairSMTP = %d92 %d32-126
                    if (i + 1 >= text.Length || At(text, i + 1) is < 32 or > 126)
                    {
                        return false;
                    }

                    i += 2;
                    octets += 2;
                }
                else if (!TryLocalPartUnit(text, ref i, ref octets, international, quoted: true))
                {
                    return false;
                }
            }
        }
        else
        {
            // Dot-string = Atom *("." Atom)
            bool atomStart = true;
            while (i < text.Length && At(text, i) != '@')
            {
                if (At(text, i) == '.')
                {
                    if (atomStart)
                    {
                        return false;
                    }

                    atomStart = true;
                    i++;
                    octets++;
                }
                else if (TryLocalPartUnit(text, ref i, ref octets, international, quoted: false))
                {
                    atomStart = false;
                }
                else
                {
                    return false;
                }
            }

            if (atomStart)
            {
                return false;
            }
        }

        if (octets > MaxLocalPartOctets || i >= text.Length || At(text, i) != '@')
        {
            return false;
        }

        ReadOnlySpan<T> domain = text.Slice(i + 1);
        if (domain.IsEmpty || At(domain, 0) != '[')
        {
            return IsDomain(domain, international ? DomainKind.IdnEmailDomain : DomainKind.Hostname);
        }

        // address-literal = "[" ( IPv4-address-literal / IPv6-address-literal ) "]"
        if (At(domain, domain.Length - 1) != ']')
        {
            return false;
        }

        ReadOnlySpan<T> literal = domain.Slice(1, domain.Length - 2);
        return literal.Length > 5 && (At(literal, 0) | 0x20) == 'i' && (At(literal, 1) | 0x20) == 'p' && (At(literal, 2) | 0x20) == 'v'
            && At(literal, 3) == '6' && At(literal, 4) == ':'
            ? IsIPv6(literal.Slice(5))
            : IsDottedQuad(literal, leadingZeros: true);
    }

    /// <summary>
    /// One character of an atom (<c>atext</c>) or of a quoted string (<c>qtextSMTP</c>): ASCII from the RFC 5321 set, or
    /// with <paramref name="international"/> any well-formed non-ASCII code point (RFC 6531's <c>UTF8-non-ascii</c>).
    /// </summary>
    private static bool TryLocalPartUnit<T>(ReadOnlySpan<T> text, ref int i, ref int octets, bool international, bool quoted)
        where T : unmanaged, IBinaryInteger<T>
    {
        int c = At(text, i);
        if (c >= 0x80)
        {
            if (!international || !TryDecode(text.Slice(i), out int value, out int length))
            {
                return false;
            }

            i += length;
            octets += Utf8Length(value);
            return true;
        }

        bool allowed = quoted
            ? c is 32 or 33 or (>= 35 and <= 91) or (>= 93 and <= 126)
            : IsAlpha(c) || IsDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~';
        if (!allowed)
        {
            return false;
        }

        i++;
        octets++;
        return true;
    }
}
