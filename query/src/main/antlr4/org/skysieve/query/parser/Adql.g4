/*
 * ADQL 2.1 (IVOA Recommendation 2023-12-15), optional features included: WITH, UNION/INTERSECT/EXCEPT, OFFSET,
 * ILIKE, CAST, COALESCE, CASE, bitwise operators and hexadecimal literals, IN_UNIT, string and geometry functions.
 *
 * Function calls are one generic rule: the names and argument counts of the standard functions (ABS takes one
 * argument, POINT two or three, ...) are checked by AdqlTreeBuilder, which reports them as syntax errors with the
 * position of the call. Keywords are case-insensitive; identifiers keep their case.
 */
grammar Adql;

options { caseInsensitive = true; }

query : withClause? selectExpression EOF ;

withClause : WITH withQuery (',' withQuery)* ;
withQuery  : identifier AS '(' selectExpression ')' ;

selectExpression : setExpression orderByClause? offsetClause? ;

setExpression
    : setPrimary                                                   # primarySet
    | setExpression INTERSECT ALL? setExpression                   # intersectSet
    | setExpression operator=(UNION | EXCEPT) ALL? setExpression   # unionSet
    ;

setPrimary
    : selectQuery
    | '(' selectExpression ')'
    ;

selectQuery
    : SELECT quantifier=(DISTINCT | ALL)? (TOP top=UNSIGNED_INTEGER)? selectList
      fromClause whereClause? groupByClause? havingClause?
    ;

selectList : star='*' | selectItem (',' selectItem)* ;

selectItem
    : qualifiedName '.' '*'                       # qualifiedStar
    | expression (AS? alias=identifier)?          # derivedColumn
    ;

fromClause : FROM tableReference (',' tableReference)* ;

tableReference
    : tableReference NATURAL? joinType? JOIN tableReference joinSpecification?   # joinedTable
    | '(' tableReference ')'                                                     # parenthesizedTable
    | subquery AS? alias=identifier                                              # derivedTable
    | qualifiedName (AS? alias=identifier)?                                      # namedTable
    ;

joinType : INNER | kind=(LEFT | RIGHT | FULL) OUTER? ;

joinSpecification
    : ON condition                                   # onJoin
    | USING '(' identifier (',' identifier)* ')'     # usingJoin
    ;

whereClause   : WHERE condition ;
groupByClause : GROUP BY expression (',' expression)* ;
havingClause  : HAVING condition ;
orderByClause : ORDER BY orderTerm (',' orderTerm)* ;
orderTerm     : expression direction=(ASC | DESC)? ;
offsetClause  : OFFSET UNSIGNED_INTEGER ;

subquery : '(' selectExpression ')' ;

condition
    : NOT condition                 # notCondition
    | condition AND condition       # andCondition
    | condition OR condition        # orCondition
    | '(' condition ')'             # parenthesizedCondition
    | predicate                     # predicateCondition
    ;

predicate
    : expression comparisonOperator expression                                     # comparisonPredicate
    | expression NOT? BETWEEN expression AND expression                            # betweenPredicate
    | expression NOT? IN subquery                                                  # inSubqueryPredicate
    | expression NOT? IN '(' expression (',' expression)* ')'                      # inListPredicate
    | expression NOT? operator=(LIKE | ILIKE) expression                           # likePredicate
    | expression IS NOT? NULL                                                      # nullPredicate
    | EXISTS subquery                                                              # existsPredicate
    ;

comparisonOperator : '=' | '<>' | '!=' | '<' | '>' | '<=' | '>=' ;

expression
    : operator=('+' | '-' | '~') expression                 # unaryExpression
    | expression operator=('*' | '/') expression            # multiplicativeExpression
    | expression operator=('+' | '-') expression            # additiveExpression
    | expression '||' expression                            # concatenationExpression
    | expression operator='&' expression                    # bitwiseAndExpression
    | expression operator='^' expression                    # bitwiseXorExpression
    | expression operator='|' expression                    # bitwiseOrExpression
    | primary                                               # primaryExpression
    ;

primary
    : UNSIGNED_INTEGER                                                    # integerLiteral
    | HEX_INTEGER                                                         # hexLiteral
    | DECIMAL_NUMBER                                                      # decimalLiteral
    | STRING                                                              # stringLiteral
    | (TRUE | FALSE)                                                      # booleanLiteral
    | NULL                                                                # nullLiteral
    | CAST '(' expression AS castType ')'                                 # castExpression
    | CASE operand=expression? caseWhen+ (ELSE otherwise=expression)? END # caseExpression
    | functionName '(' '*' ')'                                            # starFunctionCall
    | functionName '(' (quantifier=(DISTINCT | ALL)? expression (',' expression)*)? ')' # functionCall
    | qualifiedName                                                       # columnReference
    | '(' expression ')'                                                  # parenthesizedExpression
    ;

caseWhen : WHEN (condition | expression) THEN expression ;

castType
    : name=(IDENTIFIER | CHAR | VARCHAR) ('(' UNSIGNED_INTEGER ')')?
    | DOUBLE PRECISION
    ;

functionName : IDENTIFIER | LEFT | RIGHT ;

qualifiedName : identifier ('.' identifier)* ;

identifier : IDENTIFIER | DELIMITED_IDENTIFIER | nonReservedKeyword ;

/* Words that are tokens only for one rule and harmless as names elsewhere. */
nonReservedKeyword : CHAR | VARCHAR | PRECISION ;

// Keywords (only those the grammar uses; the other reserved words of the standard stay identifiers)
ALL : 'ALL' ; AND : 'AND' ; AS : 'AS' ; ASC : 'ASC' ; BETWEEN : 'BETWEEN' ; BY : 'BY' ; CASE : 'CASE' ;
CAST : 'CAST' ; CHAR : 'CHAR' ; DESC : 'DESC' ; DISTINCT : 'DISTINCT' ; DOUBLE : 'DOUBLE' ; ELSE : 'ELSE' ;
END : 'END' ; EXCEPT : 'EXCEPT' ; EXISTS : 'EXISTS' ; FALSE : 'FALSE' ; FROM : 'FROM' ; FULL : 'FULL' ;
GROUP : 'GROUP' ; HAVING : 'HAVING' ; ILIKE : 'ILIKE' ; IN : 'IN' ; INNER : 'INNER' ; INTERSECT : 'INTERSECT' ;
IS : 'IS' ; JOIN : 'JOIN' ; LEFT : 'LEFT' ; LIKE : 'LIKE' ; NATURAL : 'NATURAL' ; NOT : 'NOT' ; NULL : 'NULL' ;
OFFSET : 'OFFSET' ; ON : 'ON' ; OR : 'OR' ; ORDER : 'ORDER' ; OUTER : 'OUTER' ; PRECISION : 'PRECISION' ;
RIGHT : 'RIGHT' ; SELECT : 'SELECT' ; THEN : 'THEN' ; TOP : 'TOP' ; TRUE : 'TRUE' ; UNION : 'UNION' ;
USING : 'USING' ; VARCHAR : 'VARCHAR' ; WHEN : 'WHEN' ; WHERE : 'WHERE' ; WITH : 'WITH' ;

HEX_INTEGER      : '0X' [0-9A-F]+ ;
UNSIGNED_INTEGER : [0-9]+ ;
DECIMAL_NUMBER
    : ([0-9]+ '.' [0-9]* | '.' [0-9]+) EXPONENT?
    | [0-9]+ EXPONENT
    ;
fragment EXPONENT : 'E' [+-]? [0-9]+ ;

STRING : '\'' ( ~'\'' | '\'\'' )* '\'' ;
DELIMITED_IDENTIFIER : '"' ( ~'"' | '""' )+ '"' ;
IDENTIFIER : [A-Z] [A-Z0-9_]* ;

COMMENT    : '--' ~[\r\n]* -> skip ;
WHITESPACE : [ \t\r\n\f]+ -> skip ;
