package criteria

// Describe says in words how a leaf scores: "1 điểm nếu Ban hành kế hoạch
// CCHC đúng hạn = có".
func (n *Node) Describe(s *Set, lang Lang) string {
	return ""
}
