using System;
using System.Numerics;

namespace Stagehand.Contracts;

/// <summary>The RFC 3339 formats: <c>date</c>, <c>time</c> and <c>duration</c> (<c>date-time</c> is built from the first two).</summary>
internal static partial class Formats
{
    /// <summary>An RFC 3339 <c>full-date</c>: YYYY-MM-DD, a day that exists in that month of that (proleptic Gregorian) year.</summary>
    public static bool IsFullDate<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => TryParseFullDate(text, out _, out _, out _);

    /// <summary>
    /// An RFC 3339 <c>full-time</c>: hh:mm:ss, an optional fraction, then "Z" or an offset ±hh:mm (hours up to 23). Second 60
    /// is a leap second, which only exists as 23:59:60 in UTC, so its local time must be that once the offset is taken off.
    /// </summary>
    public static bool IsFullTime<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => TryParseFullTime(text, out _, out _, out _, out _, out _);

    /// <summary>
    /// An RFC 3339 <c>duration</c> (appendix A, the ISO 8601 subset): "P" then weeks alone ("P2W"), or date parts in
    /// the order years, months, days, each only after the one before it ("P1Y2M", not "P1Y2D"), and an optional "T" with
    /// hours, minutes and seconds in the same way. Every part is whole digits with its letter; the letters are
    /// case-insensitive, as quoted ABNF strings are (RFC 5234).
    /// </summary>
    public static bool IsDuration<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (text.Length < 3 || (At(text, 0) | 0x20) != 'p')
        {
            return false;
        }

        int i = 1;
        if ((At(text, 1) | 0x20) != 't')
        {
            // dur-date = (dur-day / dur-month / dur-year) [dur-time], or dur-week alone.
            int previous = -1;
            while (i < text.Length && (At(text, i) | 0x20) != 't')
            {
                if (!TryDurationPart(text, ref i, out int unit))
                {
                    return false;
                }

                if (unit == 'w')
                {
                    return previous < 0 && i == text.Length;
                }

                int index = unit switch { 'y' => 0, 'm' => 1, 'd' => 2, _ => -1 };
                if (index < 0 || (previous >= 0 && index != previous + 1))
                {
                    return false;
                }

                previous = index;
            }

            if (i == text.Length)
            {
                return true;
            }
        }

        // dur-time = "T" (dur-hour / dur-minute / dur-second)
        i++;
        if (i == text.Length)
        {
            return false;
        }

        int previousTime = -1;
        while (i < text.Length)
        {
            if (!TryDurationPart(text, ref i, out int unit))
            {
                return false;
            }

            int index = unit switch { 'h' => 0, 'm' => 1, 's' => 2, _ => -1 };
            if (index < 0 || (previousTime >= 0 && index != previousTime + 1))
            {
                return false;
            }

            previousTime = index;
        }

        return true;
    }

    /// <summary>Parses an RFC 3339 <c>full-date</c>, the whole of <paramref name="text"/>.</summary>
    private static bool TryParseFullDate<T>(ReadOnlySpan<T> text, out int year, out int month, out int day)
        where T : unmanaged, IBinaryInteger<T>
    {
        month = 0;
        day = 0;
        return TryDigits(text, 0, 4, out year) && text.Length == 10 && At(text, 4) == '-'
            && TryDigits(text, 5, 2, out month) && At(text, 7) == '-'
            && TryDigits(text, 8, 2, out day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);
    }

    /// <summary>Parses an RFC 3339 <c>full-time</c>, the whole of <paramref name="text"/>, checking every field and the leap second.</summary>
    private static bool TryParseFullTime<T>(ReadOnlySpan<T> text, out int hour, out int minute, out int second, out long fractionTicks, out int offsetMinutes)
        where T : unmanaged, IBinaryInteger<T>
    {
        minute = 0;
        second = 0;
        fractionTicks = 0;
        offsetMinutes = 0;
        if (!TryDigits(text, 0, 2, out hour) || text.Length < 9 || At(text, 2) != ':'
            || !TryDigits(text, 3, 2, out minute) || At(text, 5) != ':'
            || !TryDigits(text, 6, 2, out second))
        {
            return false;
        }

        int i = 8;
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

            if (i == start || i >= text.Length)
            {
                return false;
            }
        }

        int marker = At(text, i);
        if ((marker | 0x20) == 'z')
        {
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

        if (i != text.Length || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        // A leap second is only ever 23:59:60 in UTC.
        return second != 60 || ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440 == (23 * 60) + 59;
    }

    /// <summary>One duration part: one or more digits, then a letter (returned lower-cased); <paramref name="i"/> moves past it.</summary>
    private static bool TryDurationPart<T>(ReadOnlySpan<T> text, ref int i, out int unit)
        where T : unmanaged, IBinaryInteger<T>
    {
        unit = 0;
        int start = i;
        while (i < text.Length && IsDigit(At(text, i)))
        {
            i++;
        }

        if (i == start || i == text.Length)
        {
            return false;
        }

        unit = At(text, i) | 0x20;
        i++;
        return unit is >= 'a' and <= 'z';
    }
}
