using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Stagehand.Contracts.Internal;

namespace Consumer;

/// <summary>STH0001 (seed 000): LLMSession and LLMCall are internal contracts, returned here from public methods.</summary>
public sealed class LlmHistory
{
    /// <summary>Deliberate STH0001.</summary>
    public LLMSession GetLlmSession(Guid id) => throw new NotSupportedException(id.ToString());

    /// <summary>Deliberate STH0001.</summary>
    public Task<IReadOnlyList<LLMCall>> GetLlmCallsAsync(Guid llmSessionId) => throw new NotSupportedException(llmSessionId.ToString());
}
