using System;
using System.Globalization;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>
/// IDNA2008, as far as a validator needs it without Unicode data files: whether a label of code points is a U-label
/// (RFC 5891 section 4.2: NFC, hyphens, no leading mark, every code point PVALID or allowed by its context rule of RFC
/// 5892 appendix A) and whether it satisfies the Bidi rule of RFC 5893.
/// </summary>
/// <remarks>
/// The derived property of RFC 5892 section 3 is computed from what .NET knows of Unicode (general categories, NFKC,
/// lower-case mapping) plus the short lists .NET does not expose, written out here: the exceptions of section 2.6, the
/// default-ignorable code points, the Hangul jamo blocks, the case foldings that differ from lower-casing, the viramas
/// (canonical combining class 9), joining types, bidi classes and the few scripts the context rules name. The lists
/// cover the scripts in use; a code point outside them gets the default of its property (bidi class L, joining type U),
/// which can only make a rare label fail that the full tables would accept, or the reverse for a bidi class. In
/// globalization-invariant mode .NET does not normalize, so the NFC and NFKC parts of the checks are skipped there.
/// </remarks>
internal static class Idna
{
    /// <summary>The derived property values of RFC 5892.</summary>
    public enum Property
    {
        Pvalid,
        ContextJ,
        ContextO,
        Disallowed,
        Unassigned,
    }

    private enum Bidi
    {
        L,
        R,
        AL,
        AN,
        EN,
        ES,
        CS,
        ET,
        ON,
        BN,
        NSM,
        Other,
    }

    private const int JoinU = 0;
    private const int JoinD = 1;
    private const int JoinR = 2;
    private const int JoinL = 3;
    private const int JoinT = 4;

    /// <summary>
    /// Whether <paramref name="label"/> (code points, at least one of them not ASCII, or decoded from an A-label) is a
    /// U-label: in NFC, no <c>--</c> in the third and fourth places, no hyphen first or last, no combining mark first,
    /// and every code point PVALID or CONTEXTJ/CONTEXTO with its rule satisfied.
    /// </summary>
    public static bool IsULabel(ReadOnlySpan<int> label)
    {
        if (label.IsEmpty || label[0] == '-' || label[^1] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
        {
            return false;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(label[0]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        if (!IsStable(label))
        {
            return false;
        }

        for (int i = 0; i < label.Length; i++)
        {
            bool allowed = PropertyOf(label[i]) switch
            {
                Property.Pvalid => true,
                Property.ContextJ => JoinerAllowed(label, i),
                Property.ContextO => ContextAllowed(label, i),
                _ => false,
            };
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The derived property of <paramref name="codePoint"/> (RFC 5892 section 3), except the NFKC half of "Unstable",
    /// which <see cref="IsULabel"/> decides for the whole label at once (a label is in NFKC exactly when none of its code
    /// points changes under NFKC on its own, given that it is in NFC).
    /// </summary>
    public static Property PropertyOf(int codePoint)
    {
        switch (codePoint)
        {
            // Exceptions (section 2.6).
            case 0x00DF or 0x03C2 or 0x06FD or 0x06FE or 0x0F0B or 0x3007:
                return Property.Pvalid;
            case 0x00B7 or 0x0375 or 0x05F3 or 0x05F4 or 0x30FB or (>= 0x0660 and <= 0x0669) or (>= 0x06F0 and <= 0x06F9):
                return Property.ContextO;
            case 0x0640 or 0x07FA or 0x302E or 0x302F or (>= 0x3031 and <= 0x3035) or 0x303B:
                return Property.Disallowed;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category == UnicodeCategory.OtherNotAssigned)
        {
            return Property.Unassigned;
        }

        if (codePoint is '-' or (>= '0' and <= '9') or (>= 'a' and <= 'z'))
        {
            return Property.Pvalid;
        }

        if (codePoint is 0x200C or 0x200D)
        {
            return Property.ContextJ;
        }

        if (FoldsAway(codePoint) || IsDefaultIgnorable(codePoint) || IsIgnorableBlock(codePoint) || IsOldHangulJamo(codePoint))
        {
            return Property.Disallowed;
        }

        return category is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark
            ? Property.Pvalid
            : Property.Disallowed;
    }

    /// <summary>
    /// The Bidi rule of RFC 5893 section 2 for one label: true when the label satisfies it; <paramref name="rightToLeft"/>
    /// tells whether it has an R, AL or AN character (which makes the whole name a Bidi domain name, in which every label
    /// must satisfy the rule).
    /// </summary>
    public static bool SatisfiesBidiRule(ReadOnlySpan<int> label, out bool rightToLeft)
    {
        rightToLeft = false;
        bool hasEuropean = false;
        bool hasArabic = false;
        Bidi first = BidiClass(label[0]);
        bool rtl = first is Bidi.R or Bidi.AL;
        bool ok = rtl || first == Bidi.L;
        Bidi last = Bidi.Other;
        foreach (int c in label)
        {
            Bidi bidi = BidiClass(c);
            rightToLeft |= bidi is Bidi.R or Bidi.AL or Bidi.AN;
            hasEuropean |= bidi == Bidi.EN;
            hasArabic |= bidi == Bidi.AN;
            bool allowed = rtl
                ? bidi is Bidi.R or Bidi.AL or Bidi.AN or Bidi.EN or Bidi.ES or Bidi.CS or Bidi.ET or Bidi.ON or Bidi.BN or Bidi.NSM
                : bidi is Bidi.L or Bidi.EN or Bidi.ES or Bidi.CS or Bidi.ET or Bidi.ON or Bidi.BN or Bidi.NSM;
            ok &= allowed;
            if (bidi != Bidi.NSM)
            {
                last = bidi;
            }
        }

        return ok && (rtl
            ? (last is Bidi.R or Bidi.AL or Bidi.EN or Bidi.AN) && !(hasEuropean && hasArabic)
            : last is Bidi.L or Bidi.EN);
    }

    /// <summary>
    /// Whether the label is in NFC (in NFKC too when <paramref name="compatibility"/> is set); true without normalization
    /// data, in globalization-invariant mode. A label of <see cref="IsNormalizationInert"/> code points is, without asking
    /// .NET, whose check allocates.
    /// </summary>
    public static bool IsStable(ReadOnlySpan<int> label, bool compatibility = true)
    {
        bool inert = true;
        foreach (int c in label)
        {
            inert &= IsNormalizationInert(c);
        }

        if (inert)
        {
            return true;
        }

        Span<char> chars = stackalloc char[label.Length * 2];
        int length = 0;
        foreach (int c in label)
        {
            length += new Rune(c).EncodeToUtf16(chars.Slice(length));
        }

        chars = chars.Slice(0, length);
#if NET9_0_OR_GREATER
        return chars.IsNormalized(NormalizationForm.FormC) && (!compatibility || chars.IsNormalized(NormalizationForm.FormKC));
#else
        string text = new string(chars);
        return text.IsNormalized(NormalizationForm.FormC) && (!compatibility || text.IsNormalized(NormalizationForm.FormKC));
#endif
    }

    /// <summary>
    /// Code points that no normalization form changes, alone or beside one another: ASCII, and letters of the common
    /// scripts that are starters (combining class 0), have no compatibility decomposition, are not excluded from
    /// composition and never compose with a character before them. Precomposed letters (é, ά, й, が, 한) are among them:
    /// they are their own NFC. A text made only of them is in NFC and NFKC; anything else is left to .NET.
    /// </summary>
    public static bool IsNormalizationInert(int c) => c < 0x80 || InRanges(Inert, c);

    /// <summary>
    /// Whether case folding changes <paramref name="codePoint"/> (the other half of "Unstable"): the lower-case mapping,
    /// corrected where the case folding differs from it and NFKC would not undo the difference.
    /// </summary>
    private static bool FoldsAway(int codePoint) => codePoint switch
    {
        // Cherokee capitals fold to themselves; the small letters fold to them.
        >= 0x13A0 and <= 0x13F5 => false,
        (>= 0x13F8 and <= 0x13FD) or (>= 0xAB70 and <= 0xABBF) => true,

        // Ypogegrammeni and the Greek letters carrying it fold to a following iota; the Cyrillic letter variants fold to the base letters.
        0x0345 or (>= 0x1C80 and <= 0x1C88) or (>= 0x1F80 and <= 0x1FAF) => true,
        0x1FB2 or 0x1FB3 or 0x1FB4 or 0x1FB7 or 0x1FBC or 0x1FC2 or 0x1FC3 or 0x1FC4 or 0x1FC7 or 0x1FCC => true,
        0x1FF2 or 0x1FF3 or 0x1FF4 or 0x1FF7 or 0x1FFC => true,
        _ => Rune.ToLowerInvariant(new Rune(codePoint)).Value != codePoint,
    };

    private static bool IsDefaultIgnorable(int c) =>
        c is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F)
            or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F) or 0x3164
            or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8) or (>= 0x1BCA0 and <= 0x1BCA3)
            or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>Combining Diacritical Marks for Symbols, Musical Symbols, Ancient Greek Musical Notation.</summary>
    private static bool IsIgnorableBlock(int c) => c is (>= 0x20D0 and <= 0x20FF) or (>= 0x1D100 and <= 0x1D24F);

    /// <summary>Hangul jamo of syllable type L, V or T (the conjoining jamo blocks).</summary>
    private static bool IsOldHangulJamo(int c) => c is (>= 0x1100 and <= 0x11FF) or (>= 0xA960 and <= 0xA97F) or (>= 0xD7B0 and <= 0xD7FF);

    /// <summary>Appendix A.1 and A.2: ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER.</summary>
    private static bool JoinerAllowed(ReadOnlySpan<int> label, int index)
    {
        if (index > 0 && IsVirama(label[index - 1]))
        {
            return true;
        }

        if (label[index] == 0x200D)
        {
            return false;
        }

        // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
        int before = index - 1;
        while (before >= 0 && JoiningType(label[before]) == JoinT)
        {
            before--;
        }

        int after = index + 1;
        while (after < label.Length && JoiningType(label[after]) == JoinT)
        {
            after++;
        }

        return before >= 0 && (JoiningType(label[before]) is JoinL or JoinD)
            && after < label.Length && (JoiningType(label[after]) is JoinR or JoinD);
    }

    /// <summary>Appendix A.3 to A.9.</summary>
    private static bool ContextAllowed(ReadOnlySpan<int> label, int index)
    {
        int c = label[index];
        switch (c)
        {
            case 0x00B7:
                return index > 0 && label[index - 1] == 'l' && index + 1 < label.Length && label[index + 1] == 'l';
            case 0x0375:
                return index + 1 < label.Length && InRanges(Greek, label[index + 1]);
            case 0x05F3 or 0x05F4:
                return index > 0 && InRanges(Hebrew, label[index - 1]);
            case 0x30FB:
                foreach (int other in label)
                {
                    if (InRanges(Hiragana, other) || InRanges(Katakana, other) || InRanges(Han, other))
                    {
                        return true;
                    }
                }

                return false;
            case >= 0x0660 and <= 0x0669:
                foreach (int other in label)
                {
                    if (other is >= 0x06F0 and <= 0x06F9)
                    {
                        return false;
                    }
                }

                return true;
            case >= 0x06F0 and <= 0x06F9:
                foreach (int other in label)
                {
                    if (other is >= 0x0660 and <= 0x0669)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static bool IsVirama(int c) => c is 0x094D or 0x09CD or 0x0A4D or 0x0ACD or 0x0B4D or 0x0BCD or 0x0C4D or 0x0CCD
        or 0x0D3B or 0x0D3C or 0x0D4D or 0x0DCA or 0x0E3A or 0x0EBA or 0x0F84 or 0x1039 or 0x103A or 0x1714 or 0x1715
        or 0x1734 or 0x17D2 or 0x1A60 or 0x1B44 or 0x1BAA or 0x1BAB or 0x1BF2 or 0x1BF3 or 0x2D7F or 0xA806 or 0xA82C
        or 0xA8C4 or 0xA953 or 0xA9C0 or 0xAAF6 or 0xABED or 0x10A3F or 0x11046 or 0x11070 or 0x1107F or 0x110B9
        or 0x11133 or 0x11134 or 0x111C0 or 0x11235 or 0x112EA or 0x1134D or 0x11442 or 0x114C2 or 0x115BF or 0x1163F
        or 0x116B6 or 0x1172B or 0x11839 or 0x1193D or 0x1193E or 0x119E0 or 0x11A34 or 0x11A47 or 0x11A99 or 0x11C3F
        or 0x11D44 or 0x11D45 or 0x11D97 or 0x11F41 or 0x11F42;

    /// <summary>The joining type: T for marks and format characters, the table for the joining scripts, else U.</summary>
    private static int JoiningType(int c)
    {
        if (c is 0x200C or 0x200D)
        {
            return JoinU;
        }

        ReadOnlySpan<int> table = Joining;
        int low = 0;
        int high = (table.Length / 3) - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (c < table[middle * 3])
            {
                high = middle - 1;
            }
            else if (c > table[(middle * 3) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return table[(middle * 3) + 2];
            }
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            ? JoinT
            : JoinU;
    }

    private static Bidi BidiClass(int c)
    {
        if (c < 0x80)
        {
            return c switch
            {
                >= '0' and <= '9' => Bidi.EN,
                (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') => Bidi.L,
                '+' or '-' => Bidi.ES,
                ',' or '.' or '/' or ':' => Bidi.CS,
                '#' or '$' or '%' => Bidi.ET,
                < 0x20 or 0x7F or ' ' => Bidi.Other,
                _ => Bidi.ON,
            };
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            return Bidi.NSM;
        }

        if (c is (>= 0x0600 and <= 0x0605) or (>= 0x0660 and <= 0x0669) or 0x066B or 0x066C or 0x06DD or 0x0890 or 0x0891
            or 0x08E2 or (>= 0x10D30 and <= 0x10D39) or (>= 0x10E60 and <= 0x10E7E))
        {
            return Bidi.AN;
        }

        if (c is (>= 0x06F0 and <= 0x06F9) or 0x00B2 or 0x00B3 or 0x00B9 or (>= 0x2070 and <= 0x2079) or (>= 0x2080 and <= 0x2089)
            or (>= 0xFF10 and <= 0xFF19) or (>= 0x1D7CE and <= 0x1D7FF))
        {
            return Bidi.EN;
        }

        switch (c)
        {
            case 0x200E:
                return Bidi.L;
            case 0x200F:
                return Bidi.R;
            case 0x061C:
                return Bidi.AL;
        }

        if (category == UnicodeCategory.Format)
        {
            return Bidi.BN;
        }

        if (InRanges(RightToLeft, c))
        {
            return Bidi.R;
        }

        if (InRanges(ArabicLetter, c))
        {
            return Bidi.AL;
        }

        return category switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control => Bidi.Other,
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => Bidi.ON,
            UnicodeCategory.CurrencySymbol => Bidi.ET,
            _ => Bidi.L,
        };
    }

    private static bool InRanges(ReadOnlySpan<int> ranges, int c)
    {
        int low = 0;
        int high = (ranges.Length / 2) - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (c < ranges[middle * 2])
            {
                high = middle - 1;
            }
            else if (c > ranges[(middle * 2) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ranges of <see cref="IsNormalizationInert"/> beyond ASCII.</summary>
    private static ReadOnlySpan<int> Inert =>
    [
        0x00C0, 0x0131, 0x0134, 0x013E, 0x0141, 0x0148, 0x014A, 0x017E, 0x0180, 0x01C3, 0x01CD, 0x01F0, 0x01F4, 0x024F,
        0x0386, 0x0386, 0x0388, 0x03CE, 0x0400, 0x0481, 0x048A, 0x052F, 0x0531, 0x0556, 0x0561, 0x0586,
        0x05D0, 0x05EA, 0x0620, 0x064A, 0x0660, 0x0669, 0x066E, 0x066F, 0x0671, 0x0674, 0x0679, 0x06D3, 0x06D5, 0x06D5,
        0x06F0, 0x06F9, 0x0905, 0x0928, 0x092A, 0x0930, 0x0932, 0x0933, 0x0935, 0x0939, 0x0E01, 0x0E30, 0x10D0, 0x10FA,
        0x3041, 0x3096, 0x30A1, 0x30FA, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xAC00, 0xD7A3, 0x20000, 0x2A6DF,
    ];

    /// <summary>The blocks whose characters default to bidi class R (Hebrew, NKo, Samaritan, Mandaic, the right-to-left historic scripts).</summary>
    private static ReadOnlySpan<int> RightToLeft =>
    [
        0x0590, 0x05FF, 0x07C0, 0x085F, 0xFB1D, 0xFB4F, 0x10800, 0x10CFF, 0x10D40, 0x10EBF, 0x10F00, 0x10F2F,
        0x10F70, 0x10FFF, 0x1E800, 0x1EC6F, 0x1ECC0, 0x1ECFF, 0x1ED50, 0x1EDFF, 0x1EF00, 0x1EFFF,
    ];

    /// <summary>The blocks whose characters default to bidi class AL (Arabic, Syriac, Thaana and their extensions).</summary>
    private static ReadOnlySpan<int> ArabicLetter =>
    [
        0x0600, 0x07BF, 0x0860, 0x08FF, 0xFB50, 0xFDCF, 0xFDF0, 0xFDFF, 0xFE70, 0xFEFF, 0x10D00, 0x10D3F,
        0x10EC0, 0x10EFF, 0x10F30, 0x10F6F, 0x1EC70, 0x1ECBF, 0x1ED00, 0x1ED4F, 0x1EE00, 0x1EEFF,
    ];

    private static ReadOnlySpan<int> Greek =>
    [
        0x0370, 0x0373, 0x0375, 0x0377, 0x037A, 0x037D, 0x037F, 0x037F, 0x0384, 0x0384, 0x0386, 0x0386,
        0x0388, 0x03E1, 0x03F0, 0x03FF, 0x1D26, 0x1D2A, 0x1D5D, 0x1D61, 0x1D66, 0x1D6A, 0x1DBF, 0x1DBF,
        0x1F00, 0x1FFE, 0x2126, 0x2126, 0xAB65, 0xAB65, 0x10140, 0x1018E, 0x101A0, 0x101A0, 0x1D200, 0x1D245,
    ];

    private static ReadOnlySpan<int> Hebrew => [0x0591, 0x05C7, 0x05D0, 0x05EA, 0x05EF, 0x05F4, 0xFB1D, 0xFB4F];

    private static ReadOnlySpan<int> Hiragana => [0x3041, 0x3096, 0x309D, 0x309F, 0x1B001, 0x1B11F, 0x1B132, 0x1B132, 0x1B150, 0x1B152, 0x1F200, 0x1F200];

    private static ReadOnlySpan<int> Katakana =>
    [
        0x30A1, 0x30FA, 0x30FD, 0x30FF, 0x31F0, 0x31FF, 0x32D0, 0x32FE, 0x3300, 0x3357, 0xFF66, 0xFF6F, 0xFF71, 0xFF9D,
        0x1AFF0, 0x1AFFE, 0x1B000, 0x1B000, 0x1B120, 0x1B122, 0x1B155, 0x1B155, 0x1B164, 0x1B167,
    ];

    private static ReadOnlySpan<int> Han =>
    [
        0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x3005, 0x3005, 0x3007, 0x3007, 0x3021, 0x3029, 0x3038, 0x303B,
        0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFA6D, 0xFA70, 0xFAD9, 0x16FE2, 0x16FE3, 0x16FF0, 0x16FF1,
        0x20000, 0x3FFFF,
    ];

    /// <summary>Joining types (start, end, type) of the joining scripts: Arabic, Syriac, NKo, Mandaic, Mongolian, Phags-pa, Hanifi Rohingya, Adlam.</summary>
    private static ReadOnlySpan<int> Joining =>
    [
        0x0620, 0x0620, JoinD, 0x0621, 0x0621, JoinU, 0x0622, 0x0625, JoinR, 0x0626, 0x0626, JoinD, 0x0627, 0x0627, JoinR,
        0x0628, 0x0628, JoinD, 0x0629, 0x0629, JoinR, 0x062A, 0x062E, JoinD, 0x062F, 0x0632, JoinR, 0x0633, 0x063F, JoinD,
        0x0641, 0x0647, JoinD, 0x0648, 0x0648, JoinR, 0x0649, 0x064A, JoinD, 0x066E, 0x066F, JoinD, 0x0671, 0x0673, JoinR,
        0x0674, 0x0674, JoinU, 0x0675, 0x0677, JoinR, 0x0678, 0x0687, JoinD, 0x0688, 0x0699, JoinR, 0x069A, 0x06BF, JoinD,
        0x06C0, 0x06C0, JoinR, 0x06C1, 0x06C2, JoinD, 0x06C3, 0x06CB, JoinR, 0x06CC, 0x06CC, JoinD, 0x06CD, 0x06CD, JoinR,
        0x06CE, 0x06CE, JoinD, 0x06CF, 0x06CF, JoinR, 0x06D0, 0x06D1, JoinD, 0x06D2, 0x06D3, JoinR, 0x06D5, 0x06D5, JoinR,
        0x06EE, 0x06EF, JoinR, 0x06FA, 0x06FC, JoinD, 0x06FF, 0x06FF, JoinD,
        0x0710, 0x0710, JoinR, 0x0712, 0x0714, JoinD, 0x0715, 0x0719, JoinR, 0x071A, 0x071D, JoinD, 0x071E, 0x071E, JoinR,
        0x071F, 0x0727, JoinD, 0x0728, 0x0728, JoinR, 0x0729, 0x0729, JoinD, 0x072A, 0x072A, JoinR, 0x072B, 0x072B, JoinD,
        0x072C, 0x072C, JoinR, 0x072D, 0x072E, JoinD, 0x072F, 0x072F, JoinR, 0x074D, 0x074D, JoinR, 0x074E, 0x0758, JoinD,
        0x0759, 0x075B, JoinR, 0x075C, 0x076A, JoinD, 0x076B, 0x076C, JoinR, 0x076D, 0x0770, JoinD, 0x0771, 0x0771, JoinR,
        0x0772, 0x0772, JoinD, 0x0773, 0x0774, JoinR, 0x0775, 0x0777, JoinD, 0x0778, 0x0779, JoinR, 0x077A, 0x077F, JoinD,
        0x07CA, 0x07EA, JoinD,
        0x0840, 0x0840, JoinR, 0x0841, 0x0845, JoinD, 0x0846, 0x0847, JoinR, 0x0848, 0x0848, JoinD, 0x0849, 0x0849, JoinR,
        0x084A, 0x0853, JoinD, 0x0854, 0x0854, JoinR, 0x0855, 0x0855, JoinD, 0x0856, 0x0858, JoinR,
        0x0860, 0x0860, JoinD, 0x0862, 0x0865, JoinD, 0x0867, 0x0867, JoinR, 0x0868, 0x0868, JoinD, 0x0869, 0x086A, JoinR,
        0x08A0, 0x08A9, JoinD, 0x08AA, 0x08AC, JoinR, 0x08AE, 0x08AE, JoinR, 0x08AF, 0x08B0, JoinD, 0x08B1, 0x08B2, JoinR,
        0x08B3, 0x08B8, JoinD, 0x08B9, 0x08B9, JoinR, 0x08BA, 0x08C8, JoinD,
        0x1807, 0x1807, JoinD, 0x1820, 0x1878, JoinD, 0x1887, 0x18A8, JoinD, 0x18AA, 0x18AA, JoinD,
        0xA840, 0xA871, JoinD, 0xA872, 0xA872, JoinL,
        0x10D00, 0x10D00, JoinL, 0x10D01, 0x10D21, JoinD, 0x10D22, 0x10D22, JoinR, 0x10D23, 0x10D23, JoinD,
        0x1E900, 0x1E943, JoinD,
    ];
}
