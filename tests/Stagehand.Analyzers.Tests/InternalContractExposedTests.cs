using System.Threading.Tasks;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0001 in C#, starting with seed 000: LLMSession and LLMCall must stay internal.</summary>
public sealed class InternalContractExposedTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Stagehand.Contracts.Internal;

        namespace Consumer;

        """;

    [Fact]
    public Task SeedLlmSessionReturnedFromAPublicMethodIsReported() =>
        Verify<InternalContractExposedAnalyzer>.AnalyzerAsync(Usings + """
            public sealed class BrowserSessions
            {
                public LLMSession {|STH0001:GetLlmSession|}(Guid id) => throw new NotImplementedException();

                public Task<IReadOnlyList<LLMCall>> {|STH0001:GetLlmCallsAsync|}(Guid llmSessionId) => throw new NotImplementedException();
            }
            """);

    [Fact]
    public Task SeedFixedKeepsThemInternalOrPrivate() =>
        Verify<InternalContractExposedAnalyzer>.AnalyzerAsync(Usings + """
            public sealed class BrowserSessions
            {
                internal LLMSession GetLlmSession(Guid id) => throw new NotImplementedException();

                private Task<IReadOnlyList<LLMCall>> GetLlmCallsAsync(Guid llmSessionId) => throw new NotImplementedException();

                public int CountCalls(Guid llmSessionId) => GetLlmCallsAsync(llmSessionId).Result.Count;
            }

            internal sealed class LlmHistory
            {
                public LLMSession GetLlmSession(Guid id) => throw new NotImplementedException();

                public Task<IReadOnlyList<LLMCall>> GetLlmCallsAsync(Guid llmSessionId) => throw new NotImplementedException();
            }
            """);

    [Fact]
    public Task EverySignaturePositionIsChecked() =>
        Verify<InternalContractExposedAnalyzer>.AnalyzerAsync(Usings + """
            public class {|STH0001:History|} : List<LLMCall>
            {
                public LLMCall[]? {|STH0001:Calls|};
                public (LLMSession Session, int Count) {|STH0001:Latest|} { get; set; }
                public event Action<LLMCall>? {|STH0001:CallRecorded|};
                public IEnumerable<KeyValuePair<string, LLMSessionStatus>> {|STH0001:Statuses|}() => [];
                public void {|STH0001:Record|}(LLMCall call) { }
                public T {|STH0001:Find|}<T>() where T : IEquatable<LLMSession> => throw new NotImplementedException();
                protected LLMSession? {|STH0001:Current|} { get; set; }
                public LLMCall {|STH0001:this|}[int index] => throw new NotImplementedException();
                public Func<Task<LLMSession>>? {|STH0001:Factory|};
                private LLMSession? _hidden;
                internal LLMSession? Internal => _hidden;
                public sealed class {|STH0001:Nested|} : IComparable<LLMSession>
                {
                    public int {|STH0001:CompareTo|}(LLMSession? other) => 0;
                }
            }

            public interface {|STH0001:IHistory|} : IEnumerable<LLMCall> { }

            public delegate LLMSession {|STH0001:SessionFactory|}();
            """);

    [Fact]
    public Task HiddenMembersAndPublicContractsAreSilent() =>
        Verify<InternalContractExposedAnalyzer>.AnalyzerAsync(Usings + """
            using Stagehand.Contracts.V4;

            public class Api
            {
                public LLMConfig? Config { get; set; }
                public Task<IReadOnlyList<BrowserSession>> ListAsync() => throw new NotImplementedException();
                internal LLMSession? Session { get; set; }
                private protected LLMCall? Call { get; set; }
            }

            internal class Hidden
            {
                public class StillHidden
                {
                    public LLMSession? Session { get; set; }
                }
            }

            public sealed class SealedApi
            {
                protected LLMSession? Session { get; set; }
            }
            """);

    [Fact]
    public Task InternalContractsFoundByAttributeNotByNamespace() =>
        Verify<InternalContractExposedAnalyzer>.AnalyzerAsync("""
            using Stagehand.Contracts;

            namespace Consumer.Anywhere;

            [ContractType("AuditRow", ContractVisibility.Internal)]
            public sealed record AuditRow
            {
                public AuditRow? Previous { get; init; }
            }

            [ContractType("Receipt", ContractVisibility.Public)]
            public sealed record Receipt;

            public static class Audit
            {
                public static AuditRow {|STH0001:Latest|}() => new();
                public static Receipt Issue() => new();
            }
            """);
}
