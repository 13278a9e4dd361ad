// The tokens of the Terms language (spec section 2). Keywords are case-insensitive; ANTLR 4.7.2
// has no caseInsensitive option, so every keyword is spelt with the letter fragments at the end.
// Keyword token names are the keyword in upper case: engine/syntax derives the user-facing word
// ("`before`") from the symbolic name, and model::is_reserved_word must list the same words.
lexer grammar TermsLexer;

// --- keywords (every quoted word of the section-3 grammar) -------------------------------------
AGREEMENT   : A G R E E M E N T;
EFFECTIVE   : E F F E C T I V E;
TO          : T O;
TIMEZONE    : T I M E Z O N E;
BUSINESS    : B U S I N E S S;
HOLIDAYS    : H O L I D A Y S;
PARTY       : P A R T Y;
NAME        : N A M E;
ROLE        : R O L E;
TERM        : T E R M;
EXPECTATION : E X P E C T A T I O N;
CLAUSE      : C L A U S E;
SEVERITY    : S E V E R I T Y;
CRITICAL    : C R I T I C A L;
MAJOR       : M A J O R;
MINOR       : M I N O R;
RESPONSIBLE : R E S P O N S I B L E;
NOTE        : N O T E;
EVERY       : E V E R Y;
REQUIRES    : R E Q U I R E S;
OCCURS      : O C C U R S;
WITHIN      : W I T H I N;
OF          : O F;
AND         : A N D;
OR          : O R;
NOT         : N O T;
AT          : A T;
LEAST       : L E A S T;
MOST        : M O S T;
ALLOWING    : A L L O W I N G;
MISSED      : M I S S E D;
PER         : P E R;
NO          : N O;
AVERAGE     : A V E R A G E;
MINIMUM     : M I N I M U M;
MAXIMUM     : M A X I M U M;
TOTAL       : T O T A L;
LATEST      : L A T E S T;
BY          : B Y;
WHERE       : W H E R E;
INCLUDE     : I N C L U D E;
IS          : I S;
PRESENT     : P R E S E N T;
ABSENT      : A B S E N T;
TRUE        : T R U E;
FALSE       : F A L S E;
WITH        : W I T H;
SAME        : S A M E;
BEFORE      : B E F O R E;
AFTER       : A F T E R;
LATER       : L A T E R;
THAN        : T H A N;
MINUTE      : M I N U T E;
MINUTES     : M I N U T E S;
HOUR        : H O U R;
HOURS       : H O U R S;
DAY         : D A Y;
DAYS        : D A Y S;
WEEK        : W E E K;
WEEKS       : W E E K S;
MONTH       : M O N T H;
MONTHS      : M O N T H S;
QUARTER     : Q U A R T E R;
YEAR        : Y E A R;
MON         : M O N;
TUE         : T U E;
WED         : W E D;
THU         : T H U;
FRI         : F R I;
SAT         : S A T;
SUN         : S U N;

// --- version 2 words (spec V2.2): keywords only where the grammar expects them; the parser's
// `name` rule accepts them everywhere else, so version 1 agreements that use them as names keep
// working. model::soft_keyword_list must list the same words.
CURRENCY    : C U R R E N C Y;
FEE         : F E E;
CREDITS     : C R E D I T S;
CREDIT      : C R E D I T;
CALENDAR    : C A L E N D A R;
INTERVAL    : I N T E R V A L;
FROM        : F R O M;
FINDING     : F I N D I N G;
LATE        : L A T E;
WHEN        : W H E N;
MEASURED    : M E A S U R E D;
ABOVE       : A B O V E;
BELOW       : B E L O W;
PAUSED      : P A U S E D;
UNTIL       : U N T I L;
IN          : I N;
CASES       : C A S E S;
HAVE        : H A V E;
FAILED      : F A I L E D;
FEWER       : F E W E R;
FOR         : F O R;
THE         : T H E;
PERIOD      : P E R I O D;
AVAILABILITY: A V A I L A B I L I T Y;
DOWNTIME    : D O W N T I M E;
DURATION    : D U R A T I O N;
PERCENTILE  : P E R C E N T I L E;
DURING      : D U R I N G;
OUTSIDE     : O U T S I D E;
GROUPED     : G R O U P E D;

// --- literals -----------------------------------------------------------------------------------
// Longest match settles the overlaps: `2026-01-31` is one DATE (not INT - INT - INT), `09:00` one
// TIME (not INT), `2026-01-31T09:30` one DATETIME; `09:00-17:00` is TIME '-' TIME and `mon-fri`
// DAY '-' DAY because no token spans a '-' between two of them.
DATETIME : DATE_PART 'T' DIGIT DIGIT ':' DIGIT DIGIT (':' DIGIT DIGIT ('.' DIGIT+)?)?
           ( [zZ] | [+-] DIGIT DIGIT ':' DIGIT DIGIT )?;
DATE     : DATE_PART;
TIME     : DIGIT DIGIT? ':' DIGIT DIGIT;  // 9:00 is read as 09:00
NUMBER   : DIGIT+ '.' DIGIT+;
INT      : DIGIT+;
// Only \" and \\ are escapes (spec 2); any other backslash pair is lexed so that the AST builder
// can name it in an error instead of the lexer giving up.
STRING   : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"';
ID       : [A-Za-z_] [A-Za-z0-9_]*;
// A backticked name: any reserved word (or odd attribute name) used as a name. Same token type
// as ID; the AST builder strips the backticks.
QUOTED_ID : '`' ~[`\r\n]* '`' -> type(ID);

COMMA    : ',';
DASH     : '-';
PERCENT  : '%';
LPAREN   : '(';
RPAREN   : ')';
EQ       : '=';
NE       : '!=';
LE       : '<=';
LT       : '<';
GE       : '>=';
GT       : '>';

COMMENT  : '#' ~[\r\n]* -> channel(HIDDEN);  // kept for `pactum fmt`
WS       : [ \t\r\n\f]+ -> skip;

// --- error tokens: the lexer never fails; engine/syntax reports these with their location ----
// A string or name without its closing quote runs to the end of the line and is passed on as a
// STRING / ID, so the parser carries on as if it were closed (one error, not a cascade).
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '\\'? -> type(STRING);
UNTERMINATED_ID     : '`' ~[`\r\n]* -> type(ID);
// Anything else is hidden from the parser and reported as an unexpected character.
ERROR_CHAR : . -> channel(HIDDEN);

fragment DATE_PART : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT;
fragment DIGIT : [0-9];
fragment A : [aA]; fragment B : [bB]; fragment C : [cC]; fragment D : [dD]; fragment E : [eE];
fragment F : [fF]; fragment G : [gG]; fragment H : [hH]; fragment I : [iI]; fragment J : [jJ];
fragment K : [kK]; fragment L : [lL]; fragment M : [mM]; fragment N : [nN]; fragment O : [oO];
fragment P : [pP]; fragment Q : [qQ]; fragment R : [rR]; fragment S : [sS]; fragment T : [tT];
fragment U : [uU]; fragment V : [vV]; fragment W : [wW]; fragment X : [xX]; fragment Y : [yY];
fragment Z : [zZ];
