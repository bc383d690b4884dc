using System;

namespace Stagehand.Contracts;

/// <summary>Validates a UTF-8 JSON document against one contract.</summary>
public delegate ValidationResult ContractValidator(ReadOnlySpan<byte> utf8Json, ContractReadOptions? options);
