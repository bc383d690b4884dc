using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Stagehand.Testing;

/// <summary>
/// Words that only this project's history explains: decision numbers (D4), the seed tasks and their reviewers, the notes
/// on upstream behaviour (UPSTREAM-FACTS, its items I-9 and sections §1.4), DECISIONS.md. A reader of the README, the rule
/// pages, the schemas' descriptions or the XML docs in the IDE has none of those; the text must say what the thing is.
/// </summary>
internal static class Jargon
{
    private static readonly Regex[] Patterns =
    [
        new(@"\bD[0-9]+\b"),                                                   // decision numbers: D4, "DECISIONS D5"
        new(@"\bDECISIONS\b|\bdecisions\.md\b", RegexOptions.IgnoreCase),
        new(@"(?<!fixed-)(?<!random )\bseeds?('s|')?(?![\w-])", RegexOptions.IgnoreCase), // "seed 001", "the seeds' reviewers"; a random seed is fine
        new(@"\bupstream(-facts|'s)?\b", RegexOptions.IgnoreCase),
        new(@"\bI-[0-9]+\b"),                                                  // items of the upstream notes: I-2, I-9
        new(@"§\s*[0-9]"),                                                     // their sections: §1.4
    ];

    /// <summary>Every piece of jargon in <paramref name="text"/>, each with the line it is on.</summary>
    public static IEnumerable<string> Find(string text) =>
        text.Split('\n')
            .SelectMany((line, index) => Patterns
                .SelectMany(pattern => pattern.Matches(line).Cast<Match>())
                .Select(match => $"line {index + 1}: '{match.Value}' in \"{line.Trim()}\""));
}
