lexer grammar TermsLexer;
ID: [a-z]+;
WS: [ \t\r\n]+ -> skip;
