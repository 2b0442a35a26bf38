v = rf"\{{x!r}{x!r:}{'b'}" 'x'
