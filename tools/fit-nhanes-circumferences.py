#!/usr/bin/env python3
# Least-squares fits of waist, hip and arm circumference on BMI and height per sex,
# over data/nhanes/*.csv; the coefficients printed here are hard-coded in
# src/core/bz-body-model.c (bz_body_measurements_complete). Run: python3 tools/fit-nhanes-circumferences.py
import csv,math
def load(p):
    rows=[]
    for line in open(p):
        if line.startswith('#') or line.startswith('"'): continue
        rows.append([float(x) for x in line.strip().split(',')])
    return rows
def solve(A,b):
    n=len(b); M=[A[i][:]+[b[i]] for i in range(n)]
    for c in range(n):
        p=max(range(c,n),key=lambda r:abs(M[r][c])); M[c],M[p]=M[p],M[c]
        for r in range(n):
            if r!=c:
                f=M[r][c]/M[c][c]
                for k in range(c,n+1): M[r][k]-=f*M[c][k]
    return [M[i][n]/M[i][i] for i in range(n)]
def fit(X,y):
    n=len(X[0]); A=[[sum(x[i]*x[j] for x in X) for j in range(n)] for i in range(n)]
    b=[sum(x[i]*yy for x,yy in zip(X,y)) for i in range(n)]
    c=solve(A,b); pred=[sum(ci*xi for ci,xi in zip(c,x)) for x in X]
    my=sum(y)/len(y); sst=sum((v-my)**2 for v in y); sse=sum((v-p)**2 for v,p in zip(y,pred))
    return c,1-sse/sst,math.sqrt(sse/len(y))
for sex in ['female','male']:
    R=load(__import__('os').path.join(__import__('os').path.dirname(__file__), '..', 'data', 'nhanes', f'nhanes_adult_{sex}_bmx_2020.csv'))
    print(sex,len(R))
    for name,col in [('arm',4),('hip',5),('waist',6)]:
        y=[r[col] for r in R]
        X1=[[1,r[0],r[1]] for r in R]
        X2=[[1,r[0]/(r[1]/100)**2,r[1]] for r in R]
        c1,r1,e1=fit(X1,y); c2,r2,e2=fit(X2,y)
        print(f' {name}: wt+ht c={["%.4f"%v for v in c1]} R2={r1:.3f} rmse={e1:.2f} | bmi+ht c={["%.4f"%v for v in c2]} R2={r2:.3f} rmse={e2:.2f}')
    # ranges
    for i,n in enumerate(['wt','ht','arml','leg','armc','hip','waist']):
        v=[r[i] for r in R]; print(f'  {n} min {min(v)} max {max(v)} mean {sum(v)/len(v):.1f}')
