package scoring

// SetForceSlow makes Score take the math/big path for every leaf (or not),
// so that the tests outside the package can compare both paths.
func SetForceSlow(slow bool) { forceSlow = slow }
