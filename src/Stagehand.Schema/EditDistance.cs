using System;

namespace Stagehand.Schema;

/// <summary>
/// How far two names are apart, for "did you mean" messages: the optimal string alignment distance, where an insertion,
/// a deletion, a substitution or a swap of neighbours costs 1. Compiled into the schema tools and the runtime alike.
/// </summary>
internal static class EditDistance
{
    public static int Between(string left, string right)
    {
        var rows = new int[left.Length + 1, right.Length + 1];
        for (var i = 0; i <= left.Length; i++)
        {
            rows[i, 0] = i;
        }

        for (var j = 0; j <= right.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1), rows[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && left[i - 1] == right[j - 2] && left[i - 2] == right[j - 1])
                {
                    best = Math.Min(best, rows[i - 2, j - 2] + 1);
                }

                rows[i, j] = best;
            }
        }

        return rows[left.Length, right.Length];
    }
}
