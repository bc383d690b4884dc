using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Stagehand.Schema;
using static Stagehand.Generators.GeneratedNames;

namespace Stagehand.Generators;

/// <summary>
/// Rules out object cases of a union from one scan of the object's top-level member names: a case whose required
/// member is absent, or whose required const member holds another string, cannot match. What is left is read
/// directly when it is one case (so its errors keep their own pointers), or tried when it is several.
/// </summary>
internal static class CaseFilter
{
    /// <summary>Whether any candidate can be ruled out by its required members.</summary>
    public static bool Applies(IReadOnlyList<UnionCaseReader> candidates) =>
        candidates.Any(c => !c.RequiredMembers.IsEmpty) && Names(candidates).Count <= 64;

    public static void Emit(
        SourceWriter writer,
        NodeSpec node,
        IReadOnlyList<UnionCaseReader> candidates,
        Action<UnionCaseReader> emitDirect,
        Action<IReadOnlyList<UnionCaseReader>, IReadOnlyList<string>> emitTrials)
    {
        var names = Names(candidates);
        var constNames = names.Where(n => candidates.Any(c => c.RequiredConsts.Any(k => k.Name == n))).ToList();
        writer.WriteLine("var probe = start;");
        writer.WriteLine("ulong present = 0;");
        foreach (var name in constNames)
        {
            writer.WriteLine("var " + ConstVariable(names, name) + " = 0;");
        }

        writer.OpenBlock("while (probe.Read() && probe.TokenType == " + Json + "JsonTokenType.PropertyName)");
        writer.WriteLine("var name = -1;");
        for (var i = 0; i < names.Count; i++)
        {
            writer.WriteLine((i == 0 ? "if" : "else if") + " (probe.ValueTextEquals(" + Identifiers.Literal(names[i]) + "u8)) name = " + Invariant(i) + ";");
        }

        writer.WriteLine("probe.Read();");
        writer.WriteLine("if (name >= 0) present |= 1UL << name;");
        foreach (var name in constNames)
        {
            var values = candidates.SelectMany(c => c.RequiredConsts).Where(k => k.Name == name).Select(k => k.Value).Distinct().ToList();
            var tests = values.Select((v, k) => "probe.ValueTextEquals(" + Identifiers.Literal(v) + "u8) ? " + Invariant(k + 1) + " : ");
            writer.WriteLine("if (name == " + Invariant(names.IndexOf(name)) + " && probe.TokenType == " + Json + "JsonTokenType.String) " +
                ConstVariable(names, name) + " = " + string.Concat(tests) + "-1;");
        }

        writer.WriteLine("probe.Skip();");
        writer.CloseBlock();

        var guards = new List<string>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var mask = candidate.RequiredMembers.Aggregate(0UL, (all, member) => all | (1UL << names.IndexOf(member)));
            var conditions = new List<string> { "(present & " + mask.ToString(CultureInfo.InvariantCulture) + "UL) == " + mask.ToString(CultureInfo.InvariantCulture) + "UL" };
            foreach (var constant in candidate.RequiredConsts)
            {
                var values = candidates.SelectMany(c => c.RequiredConsts).Where(k => k.Name == constant.Name).Select(k => k.Value).Distinct().ToList();
                conditions.Add(ConstVariable(names, constant.Name) + " == " + Invariant(values.IndexOf(constant.Value) + 1));
            }

            guards.Add("possible" + Invariant(i));
            writer.WriteLine("var possible" + Invariant(i) + " = " + string.Join(" && ", conditions) + ";");
        }

        writer.WriteLine("var possible = " + string.Join(" + ", guards.Select(g => "(" + g + " ? 1 : 0)")) + ";");
        writer.OpenBlock("if (possible == 1)");
        for (var i = 0; i < candidates.Count; i++)
        {
            writer.OpenBlock((i == 0 ? "if" : "else if") + " (" + guards[i] + ")");
            emitDirect(candidates[i]);
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.OpenBlock("else if (possible > 1)");
        emitTrials(candidates, guards);
        writer.CloseBlock();
    }

    private static List<string> Names(IReadOnlyList<UnionCaseReader> candidates) =>
        candidates.SelectMany(c => c.RequiredMembers).Distinct(StringComparer.Ordinal).ToList();

    private static string ConstVariable(List<string> names, string name) => "const" + Invariant(names.IndexOf(name));

}
